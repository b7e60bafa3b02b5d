package org.jkeepalived.dump.internal;

import java.util.Optional;

import org.jkeepalived.config.api.model.vrrp.GarpSettings;
import org.jkeepalived.config.api.model.vrrp.Vmac;
import org.jkeepalived.config.api.model.vrrp.VrrpInstance;
import org.jkeepalived.vrrp.api.TrackedStatus;
import org.jkeepalived.vrrp.api.VrrpCounter;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;
import org.jkeepalived.vrrp.api.VrrpState;

/**
 * keepalived's JSON dump (SIGJSON, {@code keepalived.json}): an array with one object per VRRP
 * instance, its {@code "data"} under keepalived's member names, and its {@code "stats"}, the counters
 * of the statistics file.
 */
final class JsonDumpFormat {

    private JsonDumpFormat() {
    }

    static String json(RuntimeDump dump) {
        JsonWriter json = new JsonWriter().beginArray();
        for (VrrpInstanceStatus instance : dump.instances()) {
            json.beginObject().name("data");
            data(dump, instance, json);
            json.name("stats").beginObject();
            for (VrrpCounter counter : VrrpCounter.values()) {
                if (counter.jsonName() != null) {
                    json.name(counter.jsonName()).value(counter.of(instance));
                }
            }
            json.endObject().endObject();
        }
        return json.endArray().toString();
    }

    private static void data(RuntimeDump dump, VrrpInstanceStatus instance, JsonWriter json) {
        Optional<VrrpInstance> config = dump.configOf(instance);
        json.beginObject().name("iname").value(instance.name());
        config.ifPresent(c -> json.name("dont_track_primary").value(flag(c.dontTrackPrimary()))
                .name("skip_check_adv_addr").value(flag(c.skipCheckAdvAddr()))
                .name("strict_mode").value(flag(c.strictMode()))
                .name("vmac_ifname").value(c.vmac().flatMap(Vmac::interfaceName).orElse("")));
        json.name("ifp_ifname").value(instance.interfaceName().orElse(""))
                .name("last_transition").number(DumpTimes.epochSeconds(instance.lastTransition()));
        config.ifPresent(c -> garp(c.garp(), json));
        config.ifPresent(c -> json.name("lower_prio_no_advert").value(flag(c.lowerPrioNoAdvert()))
                .name("higher_prio_send_advert").value(flag(c.higherPrioSendAdvert())));
        json.name("vrid").value(instance.virtualRouterId())
                .name("base_priority").value(instance.priority())
                .name("effective_priority").value(instance.effectivePriority())
                .name("vipset").value(instance.state() == VrrpState.MASTER);
        config.ifPresent(c -> json.name("promote_secondaries").value(c.promoteSecondaries())
                .name("adver_int").number(DumpTimes.seconds(c.advertInterval()))
                .name("accept").value(flag(c.accept()))
                .name("nopreempt").value(!c.preempt())
                .name("preempt_delay").number(DumpTimes.seconds(c.preemptDelay())));
        json.name("state").value(instance.state().keepalivedNumber())
                .name("version").value(instance.version());
        config.ifPresent(c -> json.name("smtp_alert").value(c.smtpAlert()));
        json.name("vips").beginArray();
        instance.virtualAddresses().forEach(json::value);
        json.endArray();
        trackedNames(instance, TrackedStatus.Kind.INTERFACE, "track_ifp", dump, json);
        trackedNames(instance, TrackedStatus.Kind.SCRIPT, "track_script", dump, json);
        config.ifPresent(c -> json.name("auth_type").value(c.authentication().map(auth -> switch (auth.type()) {
            case PASS -> 1;
            case AH -> 2;
        }).orElse(0)));
        json.endObject();
    }

    private static void garp(GarpSettings garp, JsonWriter json) {
        json.name("garp_delay").value(garp.masterDelay().toSeconds())
                .name("garp_refresh").value(garp.masterRefresh().toSeconds())
                .name("garp_rep").value(garp.masterRepeat())
                .name("garp_refresh_rep").value(garp.masterRefreshRepeat())
                .name("garp_lower_prio_delay").value(garp.lowerPrioDelay().toSeconds())
                .name("garp_lower_prio_rep").value(garp.lowerPrioRepeat());
    }

    /** keepalived lists tracked interfaces by name and tracked scripts by their command, quoted. */
    private static void trackedNames(VrrpInstanceStatus instance, TrackedStatus.Kind kind, String member, RuntimeDump dump,
            JsonWriter json) {
        if (instance.tracked().stream().noneMatch(object -> object.kind() == kind)) {
            return;
        }
        json.name(member).beginArray();
        for (TrackedStatus object : instance.tracked()) {
            if (object.kind() == kind) {
                json.value(kind == TrackedStatus.Kind.SCRIPT ? scriptCommand(dump, object.name()) : object.name());
            }
        }
        json.endArray();
    }

    private static String scriptCommand(RuntimeDump dump, String name) {
        return dump.config().vrrpScript(name).map(script -> "'" + script.script().command() + "'").orElse(name);
    }

    private static int flag(boolean on) {
        return on ? 1 : 0;
    }
}
