package quiz

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/rest"

	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/workspace"
	"kanzen.dev/kanzen/lessons"
)

// Grader grades answers. Command and discovery questions ask its cluster;
// without one they are skipped, with why. A nil *Grader has no cluster.
// One Grader may grade from several goroutines at once.
type Grader struct {
	// Target is the learner's cluster; nil when there is none.
	Target *kube.Target
	// NoCluster says why there is no cluster, shown for skipped questions.
	NoCluster error
	// Namespace is the scratch namespace; workspace.ScratchNamespace when empty.
	Namespace string
	// Timeout bounds one answer's dry run; 30 seconds when zero.
	Timeout time.Duration
	// BeforeCreate, when set, runs before kanzen creates the scratch
	// namespace, for the caller to ask the learner first. Its error skips
	// this and every later command question, with that error as the reason.
	BeforeCreate func(namespace string) error

	mu sync.Mutex
	// refused is BeforeCreate's error, kept so that the learner is asked once.
	refused error
	// api is the server's resources, read once.
	api []check.APIResource
	// disco and mapper are the discovery that kubectl's command code uses
	// for every answer, asked once and kept in memory.
	disco  discovery.CachedDiscoveryInterface
	mapper meta.RESTMapper
}

// defaultTimeout bounds one answer's dry run: it takes well under a
// second, but a remote cluster may be slow to answer.
const defaultTimeout = 30 * time.Second

// Verdict is the judgement of one answer, in one language.
type Verdict struct {
	Correct bool
	// Skipped means the answer could not be judged here, such as a command
	// question without a cluster; Reason says why. It counts neither way.
	Skipped bool
	// Refused means kanzen would not run the answer (it is not a single
	// kubectl command, or it picks its own namespace); Reason says why. It
	// is not recorded: the learner may answer again.
	Refused bool
	// Reason says why the answer is wrong, skipped or refused, when there is
	// more to say than Want: kubectl's error, the misplaced items, ...
	Reason string
	// Results are a command answer's checks, with have and want.
	Results []check.Result
	// Want is the right answer in words.
	Want string
	// Wants are the right answer's parts when it has several, for a line
	// each: the right choices, the items in order, or each category with
	// its resources.
	Wants []string
	// Explain says why the right answer is right.
	Explain string
	// Lesson is the id of the lesson that teaches it.
	Lesson string
}

// AnswerLines are the right answer's parts, a line each: numbered for an
// order question, bulleted otherwise; nil when the answer is one part.
func (v Verdict) AnswerLines(t Type) []string {
	if len(v.Wants) == 0 {
		return nil
	}
	lines := make([]string, len(v.Wants))
	for i, part := range v.Wants {
		lines[i] = "• " + part
		if t == Order {
			lines[i] = fmt.Sprintf("%d. %s", i+1, part)
		}
	}
	return lines
}

// Grade judges an answer to a question in lang. For command and discovery
// questions it asks the cluster, which may take seconds: call it off any UI
// loop. Order answers index the question's Items (see Asked.OrderAnswer).
func (g *Grader) Grade(ctx context.Context, q *Question, a Answer, lang lessons.Lang) Verdict {
	var v Verdict
	switch q.Type {
	case Command:
		v = g.gradeCommand(ctx, q, a, lang)
	case Discovery:
		v = g.gradeDiscovery(ctx, q, a, lang)
	default:
		v = gradeLocal(q, a, lang)
	}
	v.Lesson = q.Lesson
	v.Explain = strings.TrimSpace(q.Explain.In(lang)) + v.Explain
	return v
}

// skipped is a verdict for an answer that could not be judged.
func skipped(why lessons.Message, lang lessons.Lang) Verdict {
	return Verdict{Skipped: true, Reason: why.In(lang)}
}

// cluster returns the target, or a skipped verdict that says why not.
func (g *Grader) cluster(lang lessons.Lang) (*kube.Target, *Verdict) {
	if g == nil || g.Target == nil {
		var why any = noClusterConfigured
		if g != nil && g.NoCluster != nil {
			why = firstLine(g.NoCluster.Error())
		}
		v := skipped(noCluster.With(why), lang)
		return nil, &v
	}
	return g.Target, nil
}

func (g *Grader) timeout() time.Duration {
	if g.Timeout == 0 {
		return defaultTimeout
	}
	return g.Timeout
}

// discovery is the discovery client and REST mapper kubectl's command code
// shares across answers, made with config on first use.
func (g *Grader) discovery(config *rest.Config) (discovery.CachedDiscoveryInterface, meta.RESTMapper, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.disco == nil {
		disco, mapper, err := discoveryFor(config)
		if err != nil {
			return nil, nil, err
		}
		g.disco, g.mapper = disco, mapper
	}
	return g.disco, g.mapper, nil
}

func (g *Grader) namespace() string {
	if g.Namespace == "" {
		return workspace.ScratchNamespace
	}
	return g.Namespace
}

// Scratch makes sure the scratch namespace exists and is kanzen's, creating
// it when needed (after BeforeCreate). Grading calls it; a UI may call it
// earlier.
func (g *Grader) Scratch(ctx context.Context) error {
	if g == nil || g.Target == nil {
		return errors.New("no cluster")
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.refused != nil {
		return g.refused
	}
	var before func() error
	if g.BeforeCreate != nil {
		before = func() error {
			err := g.BeforeCreate(g.namespace())
			if err != nil {
				g.refused = err
			}
			return err
		}
	}
	_, err := workspace.EnsureScratch(ctx, g.Target.Config, g.namespace(), before)
	return err
}
