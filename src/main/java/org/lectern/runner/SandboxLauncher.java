package org.lectern.runner;

import java.io.IOException;

/** Starts a sandbox whose bootstrap waits for code. */
interface SandboxLauncher {
    SandboxProcess start() throws IOException;
}
