#!/bin/sh
# Prints which destination the kernel's IPVS schedulers give each connection, as golden vectors for
# the userspace schedulers' tests (src/test/resources/.../kernel-scheduler-vectors.txt).
# Runs under a kernel with IPVS and veth:
#   KVM_MODULES="ip_vs ip_vs_rr ip_vs_wrr ip_vs_sh ip_vs_mh veth" ../shared/tools/kernel-vm "sh $(pwd)/src/test/kernel/scheduler-vectors.sh"
# Everything stays inside the guest: clients in a namespace, real servers on addresses routed back
# to that namespace, which drops what it is sent.
set -e
PYTHON=${PYTHON:-python3}
VIP=192.0.2.100
# The guest sees the host read-only: ip netns needs a writable /run.
mount -t tmpfs run /run
ip netns add client
ip link add lb0 type veth peer name c0 netns client
ip addr add 192.0.2.1/24 dev lb0
ip link set lb0 up
ip addr add $VIP/32 dev lo
ip -n client link set lo up
ip -n client link set c0 up
ip -n client addr add 192.0.2.2/24 dev c0
for i in $(seq 1 64); do ip -n client addr add 203.0.113.$i/32 dev c0; done
ip -n client route add default via 192.0.2.1
ip route add 203.0.113.0/24 dev lb0
ip route add 198.51.100.0/24 dev lb0

service() { # port scheduler [flags]
  ipvsadm -A -t $VIP:$1 -s $2 ${3:+-b $3}
  # Added in this order, the kernel lists them newest first: .3, .2, .1
  ipvsadm -a -t $VIP:$1 -r 198.51.100.1:$1 -m -w 1
  ipvsadm -a -t $VIP:$1 -r 198.51.100.2:$1 -m -w 2
  ipvsadm -a -t $VIP:$1 -r 198.51.100.3:$1 -m -w 3
}
service 80 sh
service 81 mh
service 82 sh sh-port
service 83 mh mh-port
service 84 rr
service 85 wrr
ipvsadm -e -t $VIP:85 -r 198.51.100.1:85 -m -w 4

ip netns exec client "$PYTHON" - "$VIP" <<'PY'
import socket, sys, time
vip = sys.argv[1]
held = []
def connect(src, sport, port):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((src, sport))
    s.setblocking(False)
    try:
        s.connect((vip, port))
    except BlockingIOError:
        pass
    held.append(s)
    time.sleep(0.02)
for port in (80, 81):
    for i in range(1, 65):
        connect("203.0.113.%d" % i, 40000, port)
for port in (82, 83):
    for sport in range(40000, 40032):
        connect("203.0.113.7", sport, port)
for port in (84, 85):
    for sport in range(41000, 41018):
        connect("203.0.113.9", sport, port)
time.sleep(0.5)
PY
ipvsadm -Lnc | awk 'NR > 2 { split($4, s, ":"); split($5, v, ":"); split($6, d, ":"); print v[2], s[1], s[2], d[1] }' | sort -k1,1n -k2,2V -k3,3n
