{{/*
A FlinkDeployment in application mode for one of the jobs:
dict "root" $ "key" "enrichment" "component" "enrichment" "openSearch" true "inference" true
*/}}
{{- define "newsflow.flinkDeployment" -}}
{{- $root := .root }}
{{- $job := index $root.Values.jobs .key }}
{{- $flink := $root.Values.flink }}
{{- $storage := include "newsflow.jobStorage" (dict "root" $root "job" .component) }}
{{- $labels := dict "root" $root "component" "flink" }}
{{- $derived := dict
      "state.checkpoints.dir" (printf "%s/checkpoints" $storage)
      "state.savepoints.dir" (printf "%s/savepoints" $storage)
      "high-availability.storageDir" (printf "%s/ha" $storage)
      "taskmanager.numberOfTaskSlots" ($job.taskManager.slots | int | toString)
      "pipeline.max-parallelism" ($job.maxParallelism | int | toString)
      "job.autoscaler.enabled" (toString $flink.autoscaler.enabled) }}
{{- with $root.Values.objectStorage.endpoint }}
{{- $_ := set $derived "s3.endpoint" . }}
{{- $_ := set $derived "s3.path.style.access" (toString $root.Values.objectStorage.pathStyleAccess) }}
{{- end }}
{{- $autoscaler := ternary $flink.autoscaler.configuration (dict) $flink.autoscaler.enabled }}
{{- $configuration := merge (dict) $job.flinkConfiguration $autoscaler $flink.configuration $derived }}
{{- $feeds := and (eq .key "feedIngest") $job.feeds }}
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: {{ include "newsflow.flinkName" (dict "root" $root "component" .component) }}
  labels:
    {{- include "newsflow.labels" $labels | nindent 4 }}
    newsflow.dev/job: {{ .component }}
spec:
  image: {{ include "newsflow.image" (dict "root" $root "image" "jobs") }}
  imagePullPolicy: {{ $root.Values.imagePullPolicy }}
  flinkVersion: {{ $flink.flinkVersion }}
  serviceAccount: {{ include "newsflow.flinkServiceAccount" $root }}
  flinkConfiguration:
    {{- range $key, $value := $configuration }}
    {{ $key }}: {{ $value | toString | quote }}
    {{- end }}
  podTemplate:
    apiVersion: v1
    kind: Pod
    metadata:
      labels:
        {{- include "newsflow.labels" $labels | nindent 8 }}
        newsflow.dev/job: {{ .component }}
    spec:
      securityContext:
        {{- toYaml $flink.podSecurityContext | nindent 8 }}
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        # The operator fills in this container's command, ports and resources.
        - name: flink-main-container
          securityContext:
            {{- toYaml $root.Values.containerSecurityContext | nindent 12 }}
          ports:
            - name: metrics
              containerPort: 9249
          env:
            - name: NEWSFLOW_KAFKA_BOOTSTRAP
              value: {{ include "newsflow.kafkaBootstrap" $root | quote }}
            - name: NEWSFLOW_CHECKPOINT_INTERVAL_MS
              value: {{ $flink.checkpointIntervalMs | int64 | toString | quote }}
            {{- if .openSearch }}
            - name: NEWSFLOW_OPENSEARCH_URL
              value: {{ include "newsflow.openSearchUrl" $root | quote }}
            {{- end }}
            {{- if .inference }}
            - name: NEWSFLOW_INFERENCE_HOST
              value: {{ include "newsflow.inferenceHost" $root | quote }}
            - name: NEWSFLOW_INFERENCE_PORT
              value: {{ include "newsflow.inferencePort" $root | quote }}
            {{- end }}
            {{- if $feeds }}
            - name: NEWSFLOW_FEEDS_FILE
              value: /opt/newsflow/feeds/feeds.txt
            {{- end }}
            {{- range $name, $value := $job.env }}
            - name: {{ $name }}
              value: {{ $value | toString | quote }}
            {{- end }}
          envFrom:
            # AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY for the s3:// checkpoint and HA paths.
            - secretRef:
                name: {{ include "newsflow.objectStorageSecret" $root }}
          volumeMounts:
            - name: rocksdb
              mountPath: /opt/flink/rocksdb
            {{- if $feeds }}
            - name: feeds
              mountPath: /opt/newsflow/feeds
              readOnly: true
            {{- end }}
      volumes:
        - name: rocksdb
          emptyDir:
            sizeLimit: {{ $flink.rocksdbLocalDirSize }}
        {{- if $feeds }}
        - name: feeds
          configMap:
            name: {{ include "newsflow.componentName" (dict "root" $root "component" "feeds") }}
        {{- end }}
  jobManager:
    replicas: 1
    resource:
      cpu: {{ $job.jobManager.cpu }}
      memory: {{ $job.jobManager.memory | quote }}
  taskManager:
    resource:
      cpu: {{ $job.taskManager.cpu }}
      memory: {{ $job.taskManager.memory | quote }}
  job:
    jarURI: local:///opt/flink/usrlib/newsflow-jobs.jar
    entryClass: {{ $job.entryClass }}
    parallelism: {{ $job.parallelism | int }}
    upgradeMode: {{ $flink.upgradeMode }}
    state: running
{{- end }}
