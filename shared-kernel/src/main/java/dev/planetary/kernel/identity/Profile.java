package dev.planetary.kernel.identity;

/** What a person says about themselves: the name shown to others and the address notifications go to. */
public record Profile(String login, String displayName, String email) {
}
