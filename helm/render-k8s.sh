#!/usr/bin/env bash
# Regenerates k8s/ from the chart's default render (helm template through helm-java: no helm
# binary needed). The helm module's K8sManifestsTest fails whenever k8s/ differs from it.
#   helm/render-k8s.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/mvnw" -B -q -f "$ROOT/pom.xml" -pl helm -am test \
  -Dtest=K8sManifestsTest -Dsurefire.failIfNoSpecifiedTests=false -Dnewsflow.k8s.write=true
git -C "$ROOT" status --short -- k8s
