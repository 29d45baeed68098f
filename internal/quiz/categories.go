package quiz

import (
	"slices"

	"kanzen.dev/kanzen/lessons"
)

// Category is one of the book's five categories of API resources.
type Category string

// The five categories, as content names them.
const (
	Workloads     Category = "workloads"
	DiscoveryLB   Category = "discovery-lb"
	ConfigStorage Category = "config-storage"
	ClusterRes    Category = "cluster"
	Metadata      Category = "metadata"
)

// Categories lists the five categories in the book's order.
var Categories = []Category{Workloads, DiscoveryLB, ConfigStorage, ClusterRes, Metadata}

// Name is the category's name in lang; an unknown id is shown as it is.
func (c Category) Name(lang lessons.Lang) string {
	if t, ok := categoryNames[c]; ok {
		return t.In(lang)
	}
	return string(c)
}

// Valid reports whether c is one of the five categories.
func (c Category) Valid() bool { return slices.Contains(Categories, c) }
