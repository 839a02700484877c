package dev.parley.api.v1alpha1.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.parley.api.v1alpha1.common.ParleyStatus;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class StorageBackendStatus extends ParleyStatus {

    @JsonPropertyDescription("server_version reported by PostgreSQL at the last successful check.")
    private String postgresVersion;

    @JsonPropertyDescription("redis_version reported by Redis at the last successful check.")
    private String redisVersion;

    @JsonPropertyDescription("When the check's result last changed (RFC 3339); the operator re-checks every minute and on every change of the resource or its Secrets.")
    private String lastCheckTime;

    public String getPostgresVersion() {
        return postgresVersion;
    }

    public void setPostgresVersion(String postgresVersion) {
        this.postgresVersion = postgresVersion;
    }

    public String getRedisVersion() {
        return redisVersion;
    }

    public void setRedisVersion(String redisVersion) {
        this.redisVersion = redisVersion;
    }

    public String getLastCheckTime() {
        return lastCheckTime;
    }

    public void setLastCheckTime(String lastCheckTime) {
        this.lastCheckTime = lastCheckTime;
    }
}
