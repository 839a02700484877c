//go:build tools

// Package tools pins the node components of the one-node cluster the end-to-end tests run on (tools/node/node.sh):
// kubelet, kube-scheduler and kube-proxy. Same Kubernetes version and staging replaces as tools/envtest/kubernetes
// (whose kube-apiserver, kube-controller-manager and kubectl the node reuses); `go mod tidy` only added what these
// three import besides (netlink, ipvs, knftables, ...). Built by tools/install-node-binaries.sh.
package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-proxy"
	_ "k8s.io/kubernetes/cmd/kube-scheduler"
	_ "k8s.io/kubernetes/cmd/kubelet"
)
