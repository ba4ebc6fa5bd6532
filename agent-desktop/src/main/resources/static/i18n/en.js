// The shared English words of every page (docs/glossary.md): states, codes and the pages' common labels. Page
// scripts add their own strings; one word per thing, the same on every page.
Hotline.i18n.add({en: {
  'lang.name': 'English', 'lang.switch': 'Change language',
  'common.signOut': 'Sign out', 'conn.up': 'Online', 'conn.down': 'Offline',
  // page titles and links between pages
  'page.queues': 'Hotline Queues', 'page.outcomes': 'Hotline Call outcomes', 'page.import': 'Hotline Customer import',
  'page.calendar': 'Hotline Service calendar', 'page.audit': 'Hotline Card-read audit',
  'page.users': 'Hotline Users', 'page.outages': 'Hotline Outages', 'page.supervisor': 'Hotline Supervisor',
  'page.login': 'Hotline Sign in', 'page.outageBoard': 'Hotline Outage board',
  'page.password': 'Hotline Change password', 'page.agent': 'Hotline Agent desk',
  'page.lookup': 'Hotline Area lookup', 'page.lines': 'Hotline Lines and areas',
  'page.workorderAdmin': 'Hotline Work-order setup', 'page.workorders': 'Hotline Work orders',
  'page.campaigns': 'Hotline SMS campaigns', 'page.bigScreen': 'Hotline big screen',
  'nav.audit': 'Card-read audit', 'nav.bigScreen': 'Big screen', 'nav.calendar': 'Service calendar',
  'nav.import': 'Customer import', 'nav.lookup': 'Area lookup', 'nav.outageBoard': 'Outage board',
  'nav.outages': 'Outages', 'nav.queues': 'Queues', 'nav.outcomes': 'Call outcomes', 'nav.supervisor': 'Supervisor', 'nav.users': 'Users',
  'nav.workorderAdmin': 'Work-order setup', 'nav.workorders': 'Work orders', 'nav.back': 'Back',
  'role.AGENT': 'Agent', 'role.TEAM_LEAD': 'Team lead', 'role.SUPERVISOR': 'Supervisor', 'role.DISPATCHER': 'Dispatcher',
  'role.CREW': 'Crew', 'role.ADMIN': 'Administrator',
  'desk.LOGGED_OUT': 'Logged out', 'desk.READY': 'Ready', 'desk.RINGING': 'Ringing', 'desk.TALKING': 'Talking',
  'desk.WRAP_UP': 'Wrap-up', 'desk.PAUSED': 'Paused', 'desk.LAGGED': 'Disconnected pause',
  'st.ready': 'Ready', 'st.ringing': 'Ringing', 'st.talking': 'Talking', 'st.wrapup': 'Wrap-up', 'st.paused': 'Paused',
  'st.lagged': 'Disconnected pause', 'st.loggedOut': 'Logged out', 'st.unavailable': 'Phone offline',
  'reason.wrapup': 'Wrap-up', 'reason.lagged': 'Disconnected pause',
  'pop.RINGING': 'Ringing', 'pop.ANSWERED': 'Talking', 'pop.HELD': 'On hold', 'pop.MISSED': 'Missed',
  'pop.TRANSFERRED': 'Transferred', 'pop.ENDED': 'Ended', 'call.in': 'Incoming call', 'call.out': 'Outgoing call'
}});
