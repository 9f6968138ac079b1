import audit from "./audit.json";
import channels from "./channels.json";
import chart from "./chart.json";
import common from "./common.json";
import consent from "./consent.json";
import customers from "./customers.json";
import data from "./data.json";
import errors from "./errors.json";
import filters from "./filters.json";
import frequency from "./frequency.json";
import journeys from "./journeys.json";
import kpi from "./kpi.json";
import loyalty from "./loyalty.json";
import nav from "./nav.json";
import overview from "./overview.json";
import privacy from "./privacy.json";
import relevance from "./relevance.json";
import retention from "./retention.json";
import segments from "./segments.json";
import settings from "./settings.json";
import signIn from "./signIn.json";
import ui from "./ui.json";
import userMenu from "./userMenu.json";

/** The Norwegian Bokmål messages, one file per namespace (each page's strings in its own file). */
const messages = {
  common,
  nav,
  filters,
  userMenu,

  channels,
  chart,
  kpi,
  overview,
  frequency,
  relevance,
  journeys,
  segments,
  customers,
  loyalty,
  data,
  settings,
  privacy,
  retention,
  audit,
  consent,
  signIn,
  errors,
  ui,
};

export default messages;
