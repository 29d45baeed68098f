package quiz

import (
	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/discovery/cached/memory"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/restmapper"
	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"
)

// scratchGetter hands kubectl's command code the REST config kanzen built
// and the scratch namespace, in place of kubectl's kubeconfig and flags:
// it reads no file and no environment variable.
type scratchGetter struct {
	config    *rest.Config
	namespace string
	discovery discovery.CachedDiscoveryInterface
	mapper    meta.RESTMapper
}

// discoveryFor is a discovery client that remembers in memory, and the
// REST mapper over it, as kubectl builds them but without a disk cache.
func discoveryFor(config *rest.Config) (discovery.CachedDiscoveryInterface, meta.RESTMapper, error) {
	client, err := discovery.NewDiscoveryClientForConfig(config)
	if err != nil {
		return nil, nil, err
	}
	cached := memory.NewMemCacheClient(client)
	mapper := restmapper.NewShortcutExpander(restmapper.NewDeferredDiscoveryRESTMapper(cached), cached, nil)
	return cached, mapper, nil
}

func (g *scratchGetter) ToRESTConfig() (*rest.Config, error) { return rest.CopyConfig(g.config), nil }

func (g *scratchGetter) ToDiscoveryClient() (discovery.CachedDiscoveryInterface, error) {
	return g.discovery, nil
}

func (g *scratchGetter) ToRESTMapper() (meta.RESTMapper, error) { return g.mapper, nil }

func (g *scratchGetter) ToRawKubeConfigLoader() clientcmd.ClientConfig { return scratchConfig{g} }

// scratchConfig is the kubeconfig kubectl's code sees: the scratch
// namespace, enforced as --namespace would, and no file behind it.
type scratchConfig struct{ g *scratchGetter }

func (c scratchConfig) RawConfig() (clientcmdapi.Config, error) { return clientcmdapi.Config{}, nil }

func (c scratchConfig) ClientConfig() (*rest.Config, error) { return c.g.ToRESTConfig() }

func (c scratchConfig) Namespace() (string, bool, error) { return c.g.namespace, true, nil }

// ConfigAccess is for kubectl config, which no form runs.
func (c scratchConfig) ConfigAccess() clientcmd.ConfigAccess { return nil }
