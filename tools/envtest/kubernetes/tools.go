//go:build tools

// Package tools pins kube-apiserver and kubectl used by the integration tests
// (kube-api-test / envtest). Built by tools/install-test-binaries.sh:
//
//	go build -trimpath -ldflags "-s -w" -o kube-apiserver k8s.io/kubernetes/cmd/kube-apiserver
//	go build -trimpath -ldflags "-s -w" -o kubectl k8s.io/kubernetes/cmd/kubectl
package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kubectl"
)
