{{/* Chart name, cut to 63 characters (a label value's limit). */}}
{{- define "newsflow.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Prefix of every resource name: the release name, plus the chart name unless it is in it. */}}
{{- define "newsflow.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Name of one component: dict "root" $ "component" "query". */}}
{{- define "newsflow.componentName" -}}
{{- printf "%s-%s" (include "newsflow.fullname" .root) .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* A FlinkDeployment's name is Flink's cluster-id, which Flink limits to 45 characters. */}}
{{- define "newsflow.flinkName" -}}
{{- printf "%s-%s" (include "newsflow.fullname" .root) .component | trunc 45 | trimSuffix "-" }}
{{- end }}

{{- define "newsflow.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Selector labels of a component: dict "root" $ "component" "query". */}}
{{- define "newsflow.selectorLabels" -}}
app.kubernetes.io/name: {{ include "newsflow.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* Common labels of a component's resources. */}}
{{- define "newsflow.labels" -}}
helm.sh/chart: {{ include "newsflow.chart" .root }}
{{ include "newsflow.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: newsflow
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}

{{/* An image reference, by digest when one is given: dict "root" $ "image" "queryService". */}}
{{- define "newsflow.image" -}}
{{- $image := index .root.Values.images .image }}
{{- if $image.digest }}
{{- printf "%s@%s" $image.repository $image.digest }}
{{- else if .root.Values.requireImageDigests }}
{{- fail (printf "images.%s.digest is required when requireImageDigests is true" .image) }}
{{- else }}
{{- printf "%s:%s" $image.repository $image.tag }}
{{- end }}
{{- end }}

{{/* NEWSFLOW_KAFKA_BOOTSTRAP: Strimzi's bootstrap service, or an existing cluster. */}}
{{- define "newsflow.kafkaBootstrap" -}}
{{- if .Values.kafka.enabled }}
{{- printf "%s-kafka-bootstrap:9092" (include "newsflow.fullname" .) }}
{{- else }}
{{- required "kafka.bootstrapServers is required when kafka.enabled is false" .Values.kafka.bootstrapServers }}
{{- end }}
{{- end }}

{{/* NEWSFLOW_OPENSEARCH_URL. */}}
{{- define "newsflow.openSearchUrl" -}}
{{- if .Values.opensearch.enabled }}
{{- printf "http://%s:9200" (include "newsflow.componentName" (dict "root" . "component" "opensearch")) }}
{{- else }}
{{- required "opensearch.url is required when opensearch.enabled is false" .Values.opensearch.url }}
{{- end }}
{{- end }}

{{/* NEWSFLOW_INFERENCE_HOST: Triton, else the local model server, else inference.host. */}}
{{- define "newsflow.inferenceHost" -}}
{{- if .Values.triton.enabled }}
{{- include "newsflow.componentName" (dict "root" . "component" "triton") }}
{{- else if .Values.inferenceServer.enabled }}
{{- include "newsflow.componentName" (dict "root" . "component" "inference") }}
{{- else }}
{{- required "inference.host is required without triton or inferenceServer" .Values.inference.host }}
{{- end }}
{{- end }}

{{- define "newsflow.inferencePort" -}}
{{- if or .Values.triton.enabled .Values.inferenceServer.enabled }}8001{{ else }}{{ .Values.inference.port }}{{ end }}
{{- end }}

{{/* Secret with the object-storage credentials. */}}
{{- define "newsflow.objectStorageSecret" -}}
{{- default (include "newsflow.componentName" (dict "root" . "component" "object-storage")) .Values.objectStorage.existingSecret }}
{{- end }}

{{- define "newsflow.flinkServiceAccount" -}}
{{- default (include "newsflow.componentName" (dict "root" . "component" "flink")) .Values.flink.serviceAccount.name }}
{{- end }}

{{/* s3://bucket/prefix/<job>: where one job keeps checkpoints, savepoints and HA metadata. */}}
{{- define "newsflow.jobStorage" -}}
{{- printf "s3://%s/%s/%s" .root.Values.objectStorage.bucket .root.Values.objectStorage.prefix .job }}
{{- end }}
