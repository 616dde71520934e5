const Module = require('module');
const orig = Module._load;
const times = new Map();
let depth = 0;
Module._load = function (request, parent, isMain) {
  const start = process.hrtime.bigint();
  depth++;
  try { return orig.apply(this, arguments); }
  finally {
    depth--;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(Module._resolveFilename ? (()=>{try{return Module._resolveFilename(request,parent)}catch{return request}})() : request);
    const key = m ? m[1] : request;
    const parentPkg = parent && /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(parent.filename || '');
    if (!parentPkg || parentPkg[1] !== key) times.set(key, Math.max(times.get(key) || 0, ms));
  }
};
require(process.argv[2]);
[...times].sort((a,b)=>b[1]-a[1]).slice(0,25).forEach(([k,v])=>console.log(v.toFixed(0).padStart(6),k));
