package dev.parley.operator.dependent.monitoring;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.fabric8.kubernetes.api.model.LabelSelector;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceMonitorSpec {

    public LabelSelector selector;
    public List<Endpoint> endpoints;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Endpoint {
        public String port;
        public String path;
        public String interval;

        public Endpoint() {
        }

        public Endpoint(String port, String path, String interval) {
            this.port = port;
            this.path = path;
            this.interval = interval;
        }
    }
}
