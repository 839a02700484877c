// Command pause is the pod sandbox process of the end-to-end node (the role of registry.k8s.io/pause): it holds
// the pod's namespaces, reaps the zombies it inherits as PID 1, and exits on SIGINT or SIGTERM. Built statically
// by tools/install-node-binaries.sh and imported into containerd under the sandbox image name, so nothing is
// ever pulled.
package main

import (
	"os"
	"os/signal"
	"syscall"
)

func main() {
	signals := make(chan os.Signal, 4)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM, syscall.SIGCHLD)
	for s := range signals {
		if s != syscall.SIGCHLD {
			os.Exit(0)
		}
		for {
			pid, err := syscall.Wait4(-1, nil, syscall.WNOHANG, nil)
			if pid <= 0 || err != nil {
				break
			}
		}
	}
}
