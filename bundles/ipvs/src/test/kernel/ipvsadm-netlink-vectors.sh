#!/bin/sh
# Prints the generic netlink messages that ipvsadm exchanges with the kernel's IPVS for each command
# below, as golden vectors for the IPVS codec's tests (src/test/resources/.../ipvsadm-netlink-vectors.txt).
# Runs under a kernel with IPVS, its schedulers, veth and dummy:
#   KVM_MODULES="ip_vs ip_vs_rr ip_vs_wrr ip_vs_wlc ip_vs_lc ip_vs_sh ip_vs_mh ip_vs_lblc ip_vs_dh veth dummy" \
#     ../shared/tools/kernel-vm "sh $(pwd)/src/test/kernel/ipvsadm-netlink-vectors.sh"
# Each block is "$ ipvsadm ARGS", "= EXIT STATUS", what ipvsadm printed ("> " lines), then every
# datagram that ipvsadm sent ("send") and received ("recv"), in hex as strace dumped them from
# sendmsg and recvmsg. The generic netlink
# controller's messages (type 0x10, the lookup of the IPVS family) and their acknowledgements are
# left out; sequence numbers and ports are as they were sent.
set -e
PYTHON=${PYTHON:-python3}
run() {
  echo "\$ ipvsadm $*"
  status=0
  strace -qq -e trace=sendmsg,recvmsg -e write=all -e read=all -o /tmp/trace ipvsadm "$@" >/tmp/out 2>&1 || status=$?
  echo "= $status"
  sed 's/^/> /' /tmp/out
  "$PYTHON" - /tmp/trace <<'PY'
import sys
GENL_ID_CTRL, NLMSG_ERROR = 0x10, 2
direction, data = None, []
def flush():
    if not direction or not data:
        return
    raw = bytes(data)
    kind = int.from_bytes(raw[4:6], "little")
    if kind == NLMSG_ERROR and len(raw) >= 36:
        kind = int.from_bytes(raw[24:26], "little")
    if kind != GENL_ID_CTRL:
        print(direction, raw.hex())
for line in open(sys.argv[1]):
    if line.startswith(("sendmsg(", "recvmsg(")):
        flush()
        data = []
        direction = None if "MSG_PEEK" in line else ("send" if line.startswith("sendmsg") else "recv")
    elif line.startswith(" | ") and direction:
        data += bytes.fromhex(line[10:59].replace(" ", ""))
flush()
PY
}

# A client and a real server in namespaces, so that one service has traffic in its counters.
mount -t tmpfs run /run
echo 1 >/proc/sys/net/ipv4/ip_forward
ip link add sync0 type dummy
ip link set sync0 up
ip netns add client
ip netns add real
ip link add lb0 type veth peer name c0 netns client
ip link add lb1 type veth peer name r0 netns real
ip addr add 192.0.2.1/24 dev lb0
ip addr add 198.51.100.254/24 dev lb1
ip addr add 192.0.2.100/32 dev lo
ip link set lb0 up
ip link set lb1 up
ip -n client addr add 192.0.2.2/24 dev c0
ip -n client link set c0 up
ip -n client route add default via 192.0.2.1
ip -n real addr add 198.51.100.1/24 dev r0
ip -n real link set r0 up
ip -n real link set lo up
ip -n real route add default via 198.51.100.254

# Services: every kind of key, schedulers with flags, persistence with a netmask, one-packet scheduling.
run -A -t 192.0.2.1:80 -s rr
run -E -t 192.0.2.1:80 -s wlc -p 300 -M 255.255.255.0
run -A -u 192.0.2.1:53 -s sh -b sh-fallback,sh-port -o
run -A -f 7 -s mh -b mh-port
run -A -f 8 -6 -s lblc -p 60 -M 64
run -A -t [2001:db8::1]:443 -s wrr
run -E -t [2001:db8::1]:443 -s wrr -p 120 -M 64
run -A --sctp-service 192.0.2.2:9 -s lc
run -A -t 192.0.2.3:0 -s dh -p 30
# Destinations: each forwarding method, tunnels, thresholds, IPv6, a firewall-mark service.
run -a -t 192.0.2.1:80 -r 198.51.100.1:8080 -m -w 3
run -a -t 192.0.2.1:80 -r 198.51.100.2:80 -g -w 1 -x 100 -y 50
run -a -t 192.0.2.1:80 -r 198.51.100.3:80 -i -w 2
run -a -t 192.0.2.1:80 -r 198.51.100.4:80 -i --tun-type gue --tun-port 6080 --tun-csum
run -a -t 192.0.2.1:80 -r 198.51.100.5:80 -i --tun-type gre --tun-nocsum
run -a -t [2001:db8::1]:443 -r [2001:db8::10]:8443 -m -w 2
run -a -f 7 -r 198.51.100.6 -g -w 5
run -e -t 192.0.2.1:80 -r 198.51.100.1:8080 -m -w 0
# Traffic through a NAT service: one connection, 5 bytes each way.
run -A -t 192.0.2.100:80 -s rr
run -a -t 192.0.2.100:80 -r 198.51.100.1:8080 -m
ip netns exec real "$PYTHON" -c '
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("198.51.100.1", 8080)); s.listen()
c, _ = s.accept(); c.sendall(c.recv(5)); c.close()' &
sleep 2
ip netns exec client "$PYTHON" -c '
import socket
s = socket.create_connection(("192.0.2.100", 80), timeout=10); s.sendall(b"hello"); assert s.recv(5) == b"hello"; s.close()'
wait
sleep 1
# Listing: info, the service dump and each service's destination dump, with counters; one service.
run -Ln
run -Ln --stats --exact
run -Ln -t 192.0.2.1:80
run -d -t 192.0.2.1:80 -r 198.51.100.2:80
run -D -u 192.0.2.1:53
# Timeouts and the sync daemon.
run --set 900 120 300
run --set 3600 60 0
run -L --timeout
run --start-daemon master --mcast-interface sync0 --syncid 5
run --start-daemon backup --mcast-interface sync0 --syncid 6
run -L --daemon
run --stop-daemon master
run --stop-daemon backup
run --start-daemon master --mcast-interface sync0 --syncid 7 --sync-maxlen 1400 --mcast-group 239.1.2.3 --mcast-port 9000 --mcast-ttl 2
run -L --daemon
run --stop-daemon master
run -C
# What the kernel refuses: an existing service or destination, missing ones, an unknown scheduler.
run -A -t 192.0.2.1:80 -s rr
run -A -t 192.0.2.1:80 -s rr
run -a -t 192.0.2.1:80 -r 198.51.100.1:80 -m
run -a -t 192.0.2.1:80 -r 198.51.100.1:80 -m
run -D -t 192.0.2.9:80
run -e -t 192.0.2.9:80 -r 198.51.100.1:80 -m
run -d -t 192.0.2.1:80 -r 198.51.100.9:80
run -A -t 192.0.2.4:80 -s twos
run --stop-daemon backup
run -C
