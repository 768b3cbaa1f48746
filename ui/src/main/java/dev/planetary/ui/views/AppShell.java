package dev.planetary.ui.views;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;

/** Lumo, the free Vaadin theme, and server push for the live review queue. */
@Theme(themeClass = Lumo.class)
@Push
public class AppShell implements AppShellConfigurator {
}
