// Validates every manifest of the kustomization (and the example secret) against the Kubernetes and CloudNativePG
// JSON schemas that the kubernetes-models packages ship. Exits non-zero on the first invalid or unknown resource.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const k8sDir = join(dirname(fileURLToPath(import.meta.url)), "..");

// apiVersion/kind -> module that holds its model class
const models = {
  "v1/ConfigMap": ["kubernetes-models/v1/ConfigMap", "ConfigMap"],
  "v1/Secret": ["kubernetes-models/v1/Secret", "Secret"],
  "v1/Service": ["kubernetes-models/v1/Service", "Service"],
  "apps/v1/Deployment": ["kubernetes-models/apps/v1/Deployment", "Deployment"],
  "autoscaling/v2/HorizontalPodAutoscaler": ["kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler", "HorizontalPodAutoscaler"],
  "policy/v1/PodDisruptionBudget": ["kubernetes-models/policy/v1/PodDisruptionBudget", "PodDisruptionBudget"],
  "postgresql.cnpg.io/v1/Cluster": ["@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster", "Cluster"],
};

const kustomization = parseAllDocuments(readFileSync(join(k8sDir, "kustomization.yaml"), "utf8"))[0].toJSON();
const files = [...kustomization.resources, "secret.example.yaml"];
let checked = 0;
for (const file of files) {
  for (const doc of parseAllDocuments(readFileSync(join(k8sDir, file), "utf8"))) {
    if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
    const resource = doc.toJSON();
    const key = `${resource.apiVersion}/${resource.kind}`;
    const model = models[key];
    if (!model) throw new Error(`${file}: no schema known for ${key}`);
    const module = await import(model[0]);
    try {
      new module[model[1]](resource).validate();
    } catch (e) {
      console.error(`${file}: ${key} ${resource.metadata?.name} is invalid`);
      console.error(JSON.stringify(e.errors ?? e.message, null, 2));
      process.exit(1);
    }
    checked++;
    console.log(`valid: ${file} ${key} ${resource.metadata.name}`);
  }
}
console.log(`${checked} manifests valid`);
