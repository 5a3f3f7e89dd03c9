{
  "variables": {
    "tree_sitter_lib": "<!(node -p \"const path = require('path'); path.relative(process.cwd(), path.join(path.dirname(require.resolve('tree-sitter/package.json')), 'vendor', 'tree-sitter', 'lib'))\")"
  },
  "targets": [
    {
      "target_name": "reftrack_syntax",
      "sources": [
        "native/syntax-walk.c",
        "<(tree_sitter_lib)/src/lib.c"
      ],
      "include_dirs": [
        "<(tree_sitter_lib)/src",
        "<(tree_sitter_lib)/include"
      ],
      "defines": ["NAPI_VERSION=8", "_POSIX_C_SOURCE=200112L", "_DEFAULT_SOURCE"],
      "cflags_c": ["-std=c11", "-O2", "-fvisibility=hidden"]
    }
  ]
}
