// Package version says which kanzen this is, and how it names itself to the
// API servers it talks to.
package version

import "runtime/debug"

// String is kanzen's module version, or "devel" for a build from a checkout.
func String() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}

// UserAgent is the User-Agent of every request kanzen makes, so that an API
// server's audit log tells kanzen's requests from everyone else's.
func UserAgent() string { return "kanzen/" + String() }
