package check

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/google/cel-go/common/types"
	"github.com/google/cel-go/common/types/ref"
	"github.com/google/cel-go/common/types/traits"

	"kanzen.dev/kanzen/lessons"
)

// display formats an evaluated value for people, or the broken mark when it
// could not be evaluated.
func display(v ref.Val, err error, lang lessons.Lang) string {
	if err != nil {
		return broken
	}
	return format(v, lang, false)
}

// format renders a CEL value: strings as they are, numbers and bools as Go
// prints them, lists joined with commas, maps as sorted k=v pairs, times in
// RFC 3339 UTC. Inside a list or map, lists and maps are bracketed so that
// nesting stays readable; at the top they are bare.
func format(v ref.Val, lang lessons.Lang, nested bool) string {
	switch v := v.(type) {
	case types.String:
		return string(v)
	case types.Null:
		return none.In(lang)
	case types.Timestamp:
		return v.UTC().Format(time.RFC3339)
	case traits.Mapper:
		return container(formatMap(v, lang), "{", "}", nested, lang)
	case traits.Lister:
		return container(formatList(v, lang), "[", "]", nested, lang)
	}
	return fmt.Sprint(v.Value())
}

// container joins formatted items: bare at the top, where an empty one
// reads as none, and bracketed when nested.
func container(items []string, open, close string, nested bool, lang lessons.Lang) string {
	s := strings.Join(items, ", ")
	switch {
	case nested:
		return open + s + close
	case len(items) == 0:
		return none.In(lang)
	}
	return s
}

func formatList(l traits.Lister, lang lessons.Lang) []string {
	var items []string
	for it := l.Iterator(); it.HasNext() == types.True; {
		items = append(items, format(it.Next(), lang, true))
	}
	return items
}

func formatMap(m traits.Mapper, lang lessons.Lang) []string {
	type pair struct{ k, v string }
	var pairs []pair
	for it := m.Iterator(); it.HasNext() == types.True; {
		k := it.Next()
		pairs = append(pairs, pair{format(k, lang, true), format(m.Get(k), lang, true)})
	}
	// Map order is random in Go and in CEL; sorting keeps the text stable
	// between snapshots.
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].k < pairs[j].k })
	items := make([]string, len(pairs))
	for i, p := range pairs {
		items[i] = p.k + "=" + p.v
	}
	return items
}
