package dev.parley.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** sslMode as libpq means it: require encrypts without verifying; verify-ca and verify-full verify. */
class DatabaseTlsTest {

    @Test
    void requirePreferAndAllowTrustTheServersCertificate() {
        for (String mode : new String[] {"require", "prefer", "allow", "REQUIRE"}) {
            assertThat(DatabaseTls.settings(Optional.of(mode), false)).as(mode).containsEntry(DatabaseTls.TRUST_ALL, "true");
        }
    }

    @Test
    void verifyingModesAndNoTlsChangeNothing() {
        for (String mode : new String[] {"verify-ca", "verify-full", "disable"}) {
            assertThat(DatabaseTls.settings(Optional.of(mode), false)).as(mode).isEmpty();
        }
        assertThat(DatabaseTls.settings(Optional.empty(), false)).isEmpty();
        assertThat(DatabaseTls.settings(Optional.of("require"), true)).as("a trust-all set by hand wins").isEqualTo(Map.of());
    }
}
