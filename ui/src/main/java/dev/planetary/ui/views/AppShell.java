package dev.planetary.ui.views;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;

/** Lumo, the free Vaadin theme; server push for the live review queue; a few styles of our own. */
@Theme(themeClass = Lumo.class)
@Push
@StyleSheet("planetary.css")
public class AppShell implements AppShellConfigurator {
}
