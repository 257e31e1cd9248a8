# Sourced by the scripts: puts the installed tools (cargo's, and npm's wasm-opt) on PATH.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
