# What bin/jkeepalived says of itself; written at build time.
JKEEPALIVED_NAME=jkeepalived
JKEEPALIVED_VERSION=${project.version}
KEEPALIVED_VERSION=${keepalived.version}
