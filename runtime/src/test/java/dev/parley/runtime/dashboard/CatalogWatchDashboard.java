package dev.parley.runtime.dashboard;

import dev.parley.runtime.catalogwatch.CatalogWatchBot;

/**
 * The wine catalog watch of {@link CatalogWatchBot} (its local shop site, a database of its own), as a profile of
 * its own so that the dashboard's browser test starts from an empty catalog whatever ran before it.
 */
public class CatalogWatchDashboard extends CatalogWatchBot {
}
