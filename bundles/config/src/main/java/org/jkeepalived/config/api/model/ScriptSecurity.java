package org.jkeepalived.config.api.model;

import java.util.Optional;

/**
 * Who scripts run as, and whether scripts that non-root users can change may run as root.
 *
 * @param scriptUser script_user: the default user, if given (keepalived falls back to
 *                   {@code keepalived_script} if it exists, else the user it runs as)
 * @param scriptGroup the default group, if given with script_user
 * @param enableScriptSecurity enable_script_security: refuse root scripts whose path a non-root user
 *                             can write
 * @param useSymlinkPaths use_symlink_paths: keep symbolic links in script paths instead of resolving them
 */
public record ScriptSecurity(Optional<String> scriptUser, Optional<String> scriptGroup, boolean enableScriptSecurity,
        boolean useSymlinkPaths) {
}
