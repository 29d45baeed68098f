package quiz

import (
	"slices"
	"testing"

	"kanzen.dev/kanzen/content"
	"kanzen.dev/kanzen/lessons"
)

// contentQuizzes loads the quizzes of the built-in course.
func contentQuizzes(t testing.TB) []*Quiz {
	t.Helper()
	course, err := lessons.Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	quizzes, err := Load(content.FS, course)
	if err != nil {
		t.Fatal(err)
	}
	return quizzes
}

// TestContentQuizzesLoad keeps every quiz in the course valid: this is
// where a content mistake shows, by file and field.
func TestContentQuizzesLoad(t *testing.T) {
	if len(contentQuizzes(t)) == 0 {
		t.Skip("the course has no quizzes yet")
	}
}

// seedResources are the resources the seed lists under each category; the
// sort questions of chapter 4 together must place every one of them.
var seedResources = map[Category][]string{
	Workloads:     {"Pod", "ReplicationController", "ReplicaSet", "Deployment", "DaemonSet", "StatefulSet", "Job", "CronJob"},
	DiscoveryLB:   {"Service", "Ingress"},
	ConfigStorage: {"Secret", "ConfigMap", "PersistentVolumeClaim"},
	ClusterRes: {"Node", "Namespace", "PersistentVolume", "ResourceQuota", "ServiceAccount", "Role", "ClusterRole",
		"RoleBinding", "ClusterRoleBinding", "NetworkPolicy"},
	Metadata: {"LimitRange", "HorizontalPodAutoscaler", "PodDisruptionBudget", "CustomResourceDefinition"},
}

func TestChapter4SortsEveryResourceOfTheSeed(t *testing.T) {
	z := Find(contentQuizzes(t), "4")
	if z == nil {
		t.Skip("chapter 4 has no quiz yet")
	}
	placed := map[string]Category{}
	for _, q := range z.Questions {
		for _, item := range q.Sorted {
			if c, ok := placed[item.Name]; ok && c != item.Category {
				t.Errorf("%s: %s is %s here and %s elsewhere", q.ID, item.Name, item.Category, c)
			}
			placed[item.Name] = item.Category
		}
	}
	for _, c := range Categories {
		for _, name := range seedResources[c] {
			got, ok := placed[name]
			switch {
			case !ok:
				t.Errorf("no sort question of chapter 4 has %s", name)
			case got != c:
				t.Errorf("%s is sorted into %s; the book puts it in %s", name, got, c)
			}
		}
	}
	for name := range placed {
		if !slices.ContainsFunc(Categories, func(c Category) bool { return slices.Contains(seedResources[c], name) }) {
			t.Logf("%s is sorted too, though the seed does not list it", name)
		}
	}
}
