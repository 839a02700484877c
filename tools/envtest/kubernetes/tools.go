//go:build tools

// Package tools pins kube-apiserver, kube-controller-manager and kubectl used by the integration tests
// (kube-api-test / envtest). Built by tools/install-test-binaries.sh:
//
//	go build -trimpath -ldflags "-s -w" -o kube-apiserver k8s.io/kubernetes/cmd/kube-apiserver
//	go build -trimpath -ldflags "-s -w" -o kubectl k8s.io/kubernetes/cmd/kubectl
//	go build -trimpath -ldflags "-s -w" -o kube-controller-manager k8s.io/kubernetes/cmd/kube-controller-manager
//
// kube-controller-manager runs in the tests with only its garbage collector, so that deleting an owner
// really deletes what it owns.
package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kubectl"
)
