package dev.planetary.kernel.registration;

/**
 * Where a target's registration stands: asked for (its connection tested, waiting for review), in
 * use, refused by a reviewer, or taken out of use. A refused or disabled target may be registered again.
 */
public enum RegistrationStatus {
    REQUESTED, REGISTERED, REJECTED, DISABLED
}
