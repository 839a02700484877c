package dev.parley.api.v1alpha1.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.parley.api.v1alpha1.common.SecretKeyRef;
import dev.parley.api.v1alpha1.common.SecretRef;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.caSecretRef) || self.sslMode in ['verify-ca', 'verify-full']",
        message = "caSecretRef is used only with sslMode verify-ca or verify-full")
public class PostgresSpec {

    @Required
    @Pattern("^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?$")
    @JsonPropertyDescription("Host name or IP address of the PostgreSQL server, for example 'shop-db-rw.db.svc'.")
    private String host;

    @Default("5432")
    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("TCP port of the PostgreSQL server.")
    private Integer port = 5432;

    @Required
    @Pattern("^[A-Za-z_][A-Za-z0-9_$-]{0,62}$")
    @JsonPropertyDescription("Database name. Each bot keeps its tables in a schema of its own inside it.")
    private String database;

    @Default("prefer")
    @JsonPropertyDescription("TLS mode, as libpq's sslmode. disable: plain. allow, prefer: plain or encrypted as the server "
            + "offers (the runtime's connections encrypt when the server has TLS on), never verified. require: encrypted, the "
            + "certificate not verified. verify-ca: encrypted, the certificate signed by caSecretRef's CA (or, without it, a CA "
            + "the JVM trusts). verify-full: as verify-ca, and the certificate names the host.")
    private SslMode sslMode = SslMode.PREFER;

    @JsonPropertyDescription("Key of a Secret holding the PEM certificate(s) of the CA that signed the server's certificate "
            + "(CloudNativePG's <cluster>-ca Secret, key ca.crt). Used by verify-ca and verify-full.")
    private SecretKeyRef caSecretRef;

    @Required
    @JsonPropertyDescription("Secret with keys 'username' and 'password' (the basic-auth shape CloudNativePG writes).")
    private SecretRef credentialsSecretRef;

    @Default("10")
    @Min(1)
    @Max(200)
    @JsonPropertyDescription("Maximum connections each runtime replica opens.")
    private Integer poolSize = 10;

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public SslMode getSslMode() {
        return sslMode;
    }

    public void setSslMode(SslMode sslMode) {
        this.sslMode = sslMode;
    }

    public SecretKeyRef getCaSecretRef() {
        return caSecretRef;
    }

    public void setCaSecretRef(SecretKeyRef caSecretRef) {
        this.caSecretRef = caSecretRef;
    }

    public SecretRef getCredentialsSecretRef() {
        return credentialsSecretRef;
    }

    public void setCredentialsSecretRef(SecretRef credentialsSecretRef) {
        this.credentialsSecretRef = credentialsSecretRef;
    }

    public Integer getPoolSize() {
        return poolSize;
    }

    public void setPoolSize(Integer poolSize) {
        this.poolSize = poolSize;
    }
}
