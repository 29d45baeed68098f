package cli

import (
	"strings"
	"testing"
)

func TestTheBuiltInCourseLintsClean(t *testing.T) {
	code, stdout, stderr := kanzen(t, "dev", "lint")
	if code != 0 || !strings.Contains(stdout, "the course is clean") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
}

func TestDevCheckNamesAnUnknownExercise(t *testing.T) {
	code, _, stderr := kanzen(t, "dev", "check", "9.9")
	if code != exitUsage || !strings.Contains(stderr, `there is no exercise "9.9"`) {
		t.Fatalf("exit %d: %s", code, stderr)
	}
}
