package dev.planetary.ui.views;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;

/** Lumo, the free Vaadin theme. */
@Theme(themeClass = Lumo.class)
public class AppShell implements AppShellConfigurator {
}
