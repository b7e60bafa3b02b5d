package org.jkeepalived.config.internal.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a script's program is safe to run as its user, by keepalived's rule (keepalived.conf(5),
 * "enable_script_security"): the program must be found and executable by that user; and when it
 * runs with root's powers (root's user or group, or a set-user-ID or set-group-ID root file), no
 * part of its path may be replaceable by anyone but root: every directory from / down and the file
 * itself must be owned by root, and not writable by a group other than root's or by others (a
 * directory with the sticky bit may be, since then only an entry's owner can replace it).
 */
public final class ScriptSafety {

    private static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final String ATTRIBUTES = "unix:mode,uid,gid";
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;
    private static final int S_ISUID = 04000;
    private static final int S_ISGID = 02000;
    private static final int S_ISVTX = 01000;
    private static final int S_IXUSR = 0100;
    private static final int S_IWGRP = 020;
    private static final int S_IXGRP = 010;
    private static final int S_IWOTH = 02;
    private static final int S_IXOTH = 01;

    private final String searchPath;

    /** Searches bare program names in this process's PATH, as keepalived does. */
    public ScriptSafety() {
        this(Optional.ofNullable(System.getenv("PATH")).filter(p -> !p.isEmpty()).orElse(DEFAULT_PATH));
    }

    /** @param searchPath the directories, colon separated, where a program named without a / is searched */
    public ScriptSafety(String searchPath) {
        this.searchPath = searchPath;
    }

    /**
     * @param program the script's first word
     * @param runAs who it runs as
     * @param useSymlinkPaths use_symlink_paths: check the path as written, symbolic links and all,
     *                        as well as the file it leads to
     * @return why it is unsafe, or nothing if it is safe
     */
    public Optional<String> check(String program, Account runAs, boolean useSymlinkPaths) {
        Optional<Path> found;
        try {
            found = locate(program, runAs);
        } catch (InvalidPathException e) {
            return Optional.of(program + " is not a valid path");
        }
        if (found.isEmpty()) {
            return Optional.of(program.contains("/") ? program + " is not an absolute path"
                    : program + " is not found in PATH " + searchPath);
        }
        Path path = found.get();
        Path real;
        Map<String, Object> file;
        try {
            real = path.toRealPath();
            file = Files.readAttributes(real, ATTRIBUTES);
        } catch (IOException e) {
            return Optional.of(path + " does not exist");
        }
        int mode = (Integer) file.get("mode");
        if ((mode & S_IFMT) != S_IFREG) {
            return Optional.of(real + " is not a regular file");
        }
        if (!executable(mode, (Integer) file.get("uid"), (Integer) file.get("gid"), runAs)) {
            return Optional.of(real + " is not executable by " + runAs);
        }
        if (!runAs.privileged() && !setIdRoot(mode, (Integer) file.get("uid"), (Integer) file.get("gid"))) {
            return Optional.empty();
        }
        Optional<String> unsafe = replaceable(real);
        if (unsafe.isEmpty() && useSymlinkPaths && !path.equals(real)) {
            unsafe = replaceable(path.normalize());
        }
        return unsafe;
    }

    /** The program as an absolute path: as given, or found in the search path if it has no /. */
    private Optional<Path> locate(String program, Account runAs) {
        if (program.startsWith("/")) {
            return Optional.of(Path.of(program));
        }
        if (program.contains("/") || program.isEmpty()) {
            return Optional.empty();
        }
        for (String directory : searchPath.split(":")) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory).resolve(program);
            if (candidate.isAbsolute() && isExecutableFile(candidate, runAs)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean isExecutableFile(Path candidate, Account runAs) {
        try {
            Map<String, Object> attributes = Files.readAttributes(candidate, ATTRIBUTES);
            int mode = (Integer) attributes.get("mode");
            return (mode & S_IFMT) == S_IFREG
                    && executable(mode, (Integer) attributes.get("uid"), (Integer) attributes.get("gid"), runAs);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the user may execute the file, by its mode bits (root: any execute bit). */
    private static boolean executable(int mode, int ownerUid, int ownerGid, Account runAs) {
        if (runAs.uid() == 0) {
            return (mode & (S_IXUSR | S_IXGRP | S_IXOTH)) != 0;
        }
        if (runAs.uid() == ownerUid) {
            return (mode & S_IXUSR) != 0;
        }
        return runAs.gid() == ownerGid ? (mode & S_IXGRP) != 0 : (mode & S_IXOTH) != 0;
    }

    /** A file that runs with root's user or group whoever starts it. */
    private static boolean setIdRoot(int mode, int ownerUid, int ownerGid) {
        return ownerUid == 0 && (mode & S_IXUSR) != 0 && (mode & S_ISUID) != 0
                || ownerGid == 0 && (mode & S_IXGRP) != 0 && (mode & S_ISGID) != 0;
    }

    /** Why someone other than root could replace the file or a directory above it, if someone could. */
    private static Optional<String> replaceable(Path file) {
        List<Path> chain = new ArrayList<>();
        for (Path step = file; step != null; step = step.getParent()) {
            chain.add(0, step);
        }
        for (int i = 0; i < chain.size(); i++) {
            Path step = chain.get(i);
            boolean last = i == chain.size() - 1;
            Map<String, Object> attributes;
            try {
                attributes = Files.readAttributes(step, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                return Optional.of(step + " cannot be read: " + e.getMessage());
            }
            int mode = (Integer) attributes.get("mode");
            int type = mode & S_IFMT;
            int uid = (Integer) attributes.get("uid");
            int gid = (Integer) attributes.get("gid");
            if (last ? type != S_IFREG && type != S_IFLNK : type != S_IFDIR) {
                return Optional.of(step + " is not a " + (last ? "file" : "directory"));
            }
            if (uid != 0) {
                return Optional.of(step + " is owned by uid " + uid + ", not root");
            }
            // A sticky directory lets only an entry's owner rename or remove it; a symbolic link's own mode means nothing.
            boolean guarded = type == S_IFREG || type == S_IFDIR && (mode & S_ISVTX) == 0;
            if (guarded && gid != 0 && (mode & S_IWGRP) != 0) {
                return Optional.of(step + " is writable by group gid " + gid);
            }
            if (guarded && (mode & S_IWOTH) != 0) {
                return Optional.of(step + " is writable by every user");
            }
        }
        return Optional.empty();
    }
}
