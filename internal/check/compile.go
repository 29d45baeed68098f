package check

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/common/types"
	"github.com/google/cel-go/ext"
	"k8s.io/apimachinery/pkg/labels"

	"kanzen.dev/kanzen/lessons"
)

// Program is an exercise's checks, compiled once. It is never changed after
// Compile, so one Program may be evaluated from several goroutines at once.
type Program struct {
	checks   []compiled
	deadEnds []deadEnd
	adapter  types.Adapter
	// reads holds the variables some expression refers to.
	reads map[string]bool
}

// ReadsKubeconfig reports whether a check reads the learner's kubeconfig.
func (p *Program) ReadsKubeconfig() bool { return p.reads["kubeconfig"] }

// ReadsAPI reports whether a check reads the server's discovery.
func (p *Program) ReadsAPI() bool { return p.reads["api"] }

// NeedsContainers reports whether a check needs containers that really run.
func (p *Program) NeedsContainers() bool {
	for _, c := range p.checks {
		if c.needsContainers {
			return true
		}
	}
	return false
}

// compiled is one check with its expressions ready to run.
type compiled struct {
	lessons.Check
	have cel.Program
	// want is nil when the check has no want expression.
	want cel.Program
	// pass is nil when the check passes on have == want.
	pass cel.Program
	// selector is nil unless the target has a label selector.
	selector labels.Selector
	// needsContainers marks evidence only running containers give.
	needsContainers bool
}

// envs are the two CEL environments: have and want see the snapshot, and
// pass sees the snapshot plus have and want.
type envs struct{ base, pass *cel.Env }

// loadEnvs builds the environments once per process: building one costs far
// more than compiling an expression, and a cel.Env is safe to share.
var loadEnvs = sync.OnceValues(func() (envs, error) {
	base, err := cel.NewEnv(
		cel.Variable("object", cel.DynType),
		cel.Variable("objects", cel.DynType),
		cel.Variable("all", cel.DynType),
		cel.Variable("events", cel.DynType),
		cel.Variable("started", cel.TimestampType),
		// The namespace is ns: "namespace" is a reserved word in CEL, which
		// no expression can name.
		cel.Variable("ns", cel.StringType),
		cel.Variable("kubeconfig", cel.DynType),
		cel.Variable("api", cel.DynType),
		ext.Strings(),
		ext.Lists(),
		argvFunction,
	)
	if err != nil {
		return envs{}, err
	}
	pass, err := base.Extend(
		cel.Variable("have", cel.DynType),
		cel.Variable("want", cel.DynType),
	)
	return envs{base, pass}, err
})

// Compile compiles every expression of the exercise's checks. Each error
// names its field, such as checks[2].pass; all of them are joined.
func Compile(e *lessons.Exercise) (*Program, error) {
	env, err := loadEnvs()
	if err != nil {
		return nil, fmt.Errorf("check: CEL environment: %w", err)
	}
	p := &Program{checks: make([]compiled, len(e.Checks)), adapter: env.base.CELTypeAdapter(), reads: map[string]bool{}}
	var errs []error
	for i, c := range e.Checks {
		bad := func(field string, err error) {
			errs = append(errs, fmt.Errorf("checks[%d].%s: %w", i, field, err))
		}
		cc := &p.checks[i]
		cc.Check = c
		cc.needsContainers = slices.Contains(c.Requires, lessons.RequiresContainers)
		if cc.have, err = p.compileExpr(env.base, c.Have, nil); err != nil {
			bad("have", err)
		}
		if c.Want != "" {
			if cc.want, err = p.compileExpr(env.base, c.Want, nil); err != nil {
				bad("want", err)
			}
		}
		if c.Pass != "" {
			if cc.pass, err = p.compileExpr(env.pass, c.Pass, cel.BoolType); err != nil {
				bad("pass", err)
			}
		}
		if c.Target != nil && c.Target.Selector != "" {
			if cc.selector, err = labels.Parse(c.Target.Selector); err != nil {
				bad("target.selector", err)
			}
		}
	}
	for i, d := range e.DeadEnds {
		when, err := p.compileExpr(env.base, d.When, cel.BoolType)
		if err != nil {
			errs = append(errs, fmt.Errorf("deadEnds[%d].when: %w", i, err))
		}
		p.deadEnds = append(p.deadEnds, deadEnd{d, when})
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return p, nil
}

// compileExpr parses, type-checks and plans one expression, noting the
// variables it reads. When result is given, an expression that can only
// yield another type is rejected now rather than failing on every snapshot.
func (p *Program) compileExpr(env *cel.Env, src string, result *cel.Type) (cel.Program, error) {
	if strings.TrimSpace(src) == "" {
		return nil, errors.New("empty expression")
	}
	ast, iss := env.Compile(src)
	if err := iss.Err(); err != nil {
		return nil, err
	}
	for _, ref := range ast.NativeRep().ReferenceMap() {
		if ref.Name != "" {
			p.reads[ref.Name] = true
		}
	}
	if out := ast.OutputType(); result != nil && !out.IsExactType(result) && !out.IsExactType(cel.DynType) {
		return nil, fmt.Errorf("has type %s, want %s", out, result)
	}
	return env.Program(ast, cel.EvalOptions(cel.OptOptimize))
}
