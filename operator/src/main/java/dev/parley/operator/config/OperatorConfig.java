package dev.parley.operator.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Operator-wide defaults for what a Bot does not say itself. */
@ConfigMapping(prefix = "parley.operator")
public interface OperatorConfig {

    /** Runtime image for Bots without spec.runtime.image. */
    @WithDefault("ghcr.io/parley-dev/parley-runtime:0.1.0")
    String runtimeImage();

    /** CPU request of a runtime container without spec.runtime.resources. */
    @WithDefault("250m")
    String runtimeCpuRequest();

    /** Memory request and limit of a runtime container without spec.runtime.resources. */
    @WithDefault("384Mi")
    String runtimeMemory();

    /** Image pull policy for runtime pods; Kubernetes' default when empty. */
    Optional<String> runtimeImagePullPolicy();
}
