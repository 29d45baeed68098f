package quiz

import (
	"slices"
	"strings"
	"testing"

	"kanzen.dev/kanzen/lessons"
)

func TestSplitCommandLikeAShell(t *testing.T) {
	cases := map[string][]string{
		"kubectl run web --image=nginx":                      {"kubectl", "run", "web", "--image=nginx"},
		"  kubectl\trun   web  ":                             {"kubectl", "run", "web"},
		`kubectl run b --image=busybox -- sh -c 'echo a; b'`: {"kubectl", "run", "b", "--image=busybox", "--", "sh", "-c", "echo a; b"},
		`kubectl create cm x --from-literal="k=v w"`:         {"kubectl", "create", "cm", "x", "--from-literal=k=v w"},
		`kubectl label x a\ b`:                               {"kubectl", "label", "x", "a b"},
		`kubectl run x -- echo "say \"hi\" \$5 \\ \n"`:       {"kubectl", "run", "x", "--", "echo", `say "hi" $5 \ \n`},
		"kubectl run web \\\n  --image=nginx":                {"kubectl", "run", "web", "--image=nginx"},
		"kubectl run x -- echo ''":                           {"kubectl", "run", "x", "--", "echo", ""},
		"# a comment\n\nkubectl run x # trailing comment":    {"kubectl", "run", "x"},
		"kubectl run a#b -- echo $":                          {"kubectl", "run", "a#b", "--", "echo", "$"},
		"kubectl run ウェブ --image=nginx":                      {"kubectl", "run", "ウェブ", "--image=nginx"},
	}
	for line, want := range cases {
		got, rest, err := splitCommand(line)
		if err != nil || !slices.Equal(got, want) || rest != "" {
			t.Errorf("splitCommand(%q) = %q, rest %q, %v; want %q", line, got, rest, err, want)
		}
	}
	words, rest, err := splitCommand("kubectl apply -f -\napiVersion: v1\nkind: Pod\n")
	if err != nil || len(words) != 4 || rest != "apiVersion: v1\nkind: Pod\n" {
		t.Errorf("the lines after the command: words %q, rest %q, %v", words, rest, err)
	}
}

func TestSplitCommandRefusesWhatOnlyAShellDoes(t *testing.T) {
	cases := map[string]string{
		"kubectl run x | tee f":             "`|` is a pipe",
		"kubectl run x > out.yaml":          "`>` is a redirection",
		"kubectl run x < in":                "`<` is a redirection",
		"kubectl run x; rm -rf /":           "`;` is a way to run several commands",
		"kubectl run x && echo ok":          "`&&` is a way to run several commands",
		"kubectl run x || true":             "`||` is a way to run several commands",
		"kubectl run x &":                   "`&` is a way to run several commands",
		"kubectl run $(whoami)":             "`$(` is command substitution",
		"kubectl run `whoami`":              "`` ` `` is command substitution",
		`kubectl run "$NAME"`:               "`$N` is a shell variable",
		"kubectl run ${NAME}":               "`${` is a shell variable",
		"kubectl run x -- sh -c 'echo hi":   "a ' quote is not closed",
		`kubectl run x --labels="a=b`:       `a " quote is not closed`,
		"(kubectl run x)":                   "`(` is grouping",
		`kubectl run x --image="$(cat f)"`:  "`$(` is command substitution",
		"kubectl run x --env=A=`date`":      "`` ` `` is command substitution",
		"kubectl run x --image nginx>/dev/": "`>` is a redirection",
	}
	for line, want := range cases {
		_, _, err := splitCommand(line)
		want = strings.ReplaceAll(want, "`` ` ``", "```")
		if !IsRefusal(err) || !strings.Contains(err.Error(), want) {
			t.Errorf("splitCommand(%q): %v, want a refusal with %q", line, err, want)
		}
	}
}

func TestParseCommandRefusals(t *testing.T) {
	cases := map[string]string{
		"":                                                               "type a kubectl command",
		"   \n# nothing\n":                                               "type a kubectl command",
		"docker run nginx":                                               `starts with "docker"`,
		"k run web --image=nginx":                                        `type kubectl in full: "k" is an alias`,
		"/usr/bin/kubectl run web":                                       "type kubectl without a path",
		"kubectl":                                                        "kubectl needs a verb here",
		"kubectl get pods":                                               "kubectl get does not make an object",
		"kubectl delete pod web":                                         "kubectl delete does not make an object",
		"kubectl --v=3 run web":                                          `put the verb right after kubectl`,
		"kubectl run web --image=nginx -n prod":                          "leave out -n",
		"kubectl -n prod run web":                                        "leave out -n",
		"kubectl run web -nprod":                                         "leave out -n",
		"kubectl run web --namespace=prod":                               "leave out --namespace",
		"kubectl run web --namespace prod":                               "leave out --namespace",
		"kubectl run web --context=prod":                                 "leave out --context",
		"kubectl run web --kubeconfig ~/k":                               "leave out --kubeconfig",
		"kubectl run web --cluster=c":                                    "leave out --cluster",
		"kubectl run web --user=u":                                       "leave out --user",
		"kubectl run web --server=https://x":                             "leave out --server",
		"kubectl run web -s https://x":                                   "leave out -s",
		"kubectl create deploy x -A":                                     "leave out -A",
		"kubectl run web --all-namespaces":                               "leave out --all-namespaces",
		"kubectl run web --token=abc":                                    "leave out --token",
		"kubectl run web --as=admin":                                     "leave out --as",
		"kubectl run web --as-group=system:masters":                      "leave out --as-group",
		"kubectl apply -f pod.yaml":                                      "reads no files or URLs",
		"kubectl apply -f https://x/pod.yaml":                            "reads no files or URLs",
		"kubectl apply --filename=pod.yaml":                              "reads no files or URLs",
		"kubectl apply -k dir/":                                          "reads no directories",
		"kubectl create cm x --from-file=a.txt":                          "such as with --from-literal",
		"kubectl create secret tls t --cert=c.pem --key=k.pem":           "reads no files from your disk",
		"kubectl create -f - --edit\nkind: Pod":                          "it opens an editor",
		"kubectl apply edit-last-applied deploy/x":                       "kubectl apply edit-last-applied is not an answer here",
		"kubectl create token default":                                   "kubectl create token is not an answer here",
		"kubectl apply -f -":                                             "-f - reads a manifest: type it on the lines after the command",
		"kubectl apply -f -\n.\n":                                        "-f - reads a manifest",
		"kubectl run web --image=nginx\nkubectl run db --image=postgres": "type one command",
	}
	for answer, want := range cases {
		inv, err := ParseCommand(answer)
		if !IsRefusal(err) || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseCommand(%q) = %+v, %v; want a refusal with %q", answer, inv, err, want)
		}
	}
	_, err := ParseCommand("kubectl run web -n prod")
	if r, ok := err.(*Refusal); !ok || !strings.Contains(r.In(lessons.Japanese), "外してください") {
		t.Errorf("the refusal is not in Japanese: %v", err)
	}
}

func TestParseCommandFindsTheFormAndKeepsTheAnswer(t *testing.T) {
	cases := []struct {
		answer, form string
		args         []string
	}{
		{"kubectl run web --image=nginx --dry-run=client -o yaml", "run", []string{"web", "--image=nginx", "--dry-run=client", "-o", "yaml"}},
		{"kubectl run web --image=nginx --dry-run -oyaml", "run", []string{"web", "--image=nginx", "--dry-run", "-oyaml"}},
		{"kubectl create deployment web --image=nginx --output=json", "create deployment", []string{"web", "--image=nginx", "--output=json"}},
		{"kubectl create deploy web --image=nginx --output name", "create deployment", []string{"web", "--image=nginx", "--output", "name"}},
		{"kubectl run -it --rm debug --image=busybox --restart=Never -- sh", "run", []string{"-it", "--rm", "debug", "--image=busybox", "--restart=Never", "--", "sh"}},
		{"kubectl run b --image=busybox -- sh -c 'sleep 1' -n x -o yaml", "run", []string{"b", "--image=busybox", "--", "sh", "-c", "sleep 1", "-n", "x", "-o", "yaml"}},
		{"kubectl create svc clusterip web --tcp=80:8080", "create service clusterip", []string{"web", "--tcp=80:8080"}},
		{"kubectl create secret generic s --from-literal=a=b", "create secret generic", []string{"s", "--from-literal=a=b"}},
		{"kubectl create cm c --from-literal a=b", "create configmap", []string{"c", "--from-literal", "a=b"}},
		{"kubectl expose deployment web --port=80", "expose", []string{"deployment", "web", "--port=80"}},
		{"kubectl apply -f -\nkind: Pod\n", "apply", []string{"-f", "-"}},
		{"kubectl apply --filename=-\nkind: Pod\n", "apply", []string{"--filename=-"}},
		{"kubectl create -f- --save-config\nkind: Pod\n", "create", []string{"-f-", "--save-config"}},
	}
	for _, c := range cases {
		inv, err := ParseCommand(c.answer)
		if err != nil || inv.Form() != c.form || !slices.Equal(inv.Args, c.args) {
			t.Errorf("ParseCommand(%q) = %+v, %v; want form %q args %q", c.answer, inv, err, c.form, c.args)
		}
	}
	inv, err := ParseCommand("kubectl apply -f -\napiVersion: v1\nkind: Pod\n.\n")
	if err != nil || inv.Stdin != "apiVersion: v1\nkind: Pod\n" {
		t.Errorf("the manifest without its closing dot: %q, %v", inv.Stdin, err)
	}
}

func TestNeedsManifest(t *testing.T) {
	for line, want := range map[string]bool{
		"kubectl apply -f -":                        true,
		"kubectl create --filename=- --save-config": true,
		"kubectl apply -f-":                         true,
		"kubectl apply -f pod.yaml":                 false,
		"kubectl run x --image=busybox -- cat -f -": false,
		"kubectl run x | kubectl apply -f -":        false,
	} {
		if got := NeedsManifest(line); got != want {
			t.Errorf("NeedsManifest(%q) = %v", line, got)
		}
	}
}
