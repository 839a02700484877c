module parley.local/tools/node/pause

go 1.24
