//go:build tools

// Package tools pins the etcd server used by the integration tests
// (kube-api-test / envtest). Built by tools/install-test-binaries.sh:
//
//	go build -trimpath -ldflags "-s -w" -o etcd go.etcd.io/etcd/server/v3
package tools

import (
	_ "go.etcd.io/etcd/server/v3"
)
