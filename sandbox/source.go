// Package sandbox carries the recipe for kanzen's built-in cluster: a Go module
// whose only job is to pin and build the upstream Kubernetes, etcd and kwok
// commands. kanzen embeds these files and builds them with the Go toolchain.
package sandbox

import "embed"

// Source is the module itself: go.mod, go.sum and the one main package that
// upstream does not ship (etcd's server module has no main).
//
//go:embed go.mod go.sum cmd
var Source embed.FS
