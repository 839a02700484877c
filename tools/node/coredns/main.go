// Command coredns is CoreDNS with only the plugins the end-to-end node's Corefile uses (tools/node/etc/coredns.yaml):
// errors, health, ready, kubernetes, cache, loop, reload. CoreDNS's own main compiles in every plugin it ships
// (cloud DNS providers among them), which takes about ten minutes on two cores; its documented way to choose
// plugins at compile time is a main of one's own that imports the ones wanted. Built by tools/install-node-binaries.sh.
package main

import (
	"github.com/coredns/coredns/core/dnsserver"
	"github.com/coredns/coredns/coremain"

	_ "github.com/coredns/coredns/plugin/cache"
	_ "github.com/coredns/coredns/plugin/errors"
	_ "github.com/coredns/coredns/plugin/health"
	_ "github.com/coredns/coredns/plugin/kubernetes"
	_ "github.com/coredns/coredns/plugin/loop"
	_ "github.com/coredns/coredns/plugin/ready"
	_ "github.com/coredns/coredns/plugin/reload"
)

// The Corefile's plugins in CoreDNS's own order (core/dnsserver/zdirectives.go): the server runs them in this
// order whatever the Corefile's order is.
var directives = []string{"reload", "ready", "health", "errors", "cache", "kubernetes", "loop"}

func main() {
	dnsserver.Directives = directives
	coremain.Run()
}
