package dev.parley.api.v1alpha1.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.parley.api.v1alpha1.common.SecretRef;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
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
    @JsonPropertyDescription("TLS mode, as libpq's sslmode: disable, allow, prefer, require, verify-ca or verify-full.")
    private SslMode sslMode = SslMode.PREFER;

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
