// monaco-yaml's language service, started by MonacoEnvironment.getWorker for the 'yaml' label.
import 'monaco-yaml/yaml.worker.js'
