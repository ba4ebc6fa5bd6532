// The shared Chinese words of every page (docs/glossary.md): states, codes and the pages' common labels. Page
// scripts add their own strings; one word per thing, the same on every page.
Hotline.i18n.add({'zh-CN': {
  'lang.name': '中文', 'lang.switch': '切换语言',
  'common.signOut': '退出', 'conn.up': '已连接', 'conn.down': '未连接',
  // page titles and links between pages
  'page.queues': 'Hotline 队列管理', 'page.outcomes': 'Hotline 通话结果', 'page.import': 'Hotline 客户导入', 'page.calendar': 'Hotline 服务日历',
  'page.audit': 'Hotline 档案查阅审计', 'page.users': 'Hotline 用户管理', 'page.outages': 'Hotline 停电管理',
  'page.supervisor': 'Hotline 班长监控', 'page.login': 'Hotline 登录', 'page.outageBoard': 'Hotline 停电大屏',
  'page.password': 'Hotline 修改密码', 'page.agent': 'Hotline 坐席工作台', 'page.lookup': 'Hotline 台区查询',
  'page.lines': 'Hotline 线路台区', 'page.workorderAdmin': 'Hotline 工单管理', 'page.workorders': 'Hotline 工单监控',
  'page.campaigns': 'Hotline 短信活动', 'page.bigScreen': 'Hotline 大屏',
  'nav.audit': '档案查阅审计', 'nav.bigScreen': '大屏', 'nav.calendar': '服务日历', 'nav.import': '客户导入', 'nav.lookup': '台区查询',
  'nav.outageBoard': '停电大屏', 'nav.outages': '停电管理', 'nav.queues': '队列管理', 'nav.outcomes': '通话结果', 'nav.supervisor': '班长监控',
  'nav.users': '用户管理', 'nav.workorderAdmin': '工单管理', 'nav.workorders': '工单监控', 'nav.back': '返回',
  // the roles (docs/adr/0024)
  'role.AGENT': '坐席', 'role.TEAM_LEAD': '组长', 'role.SUPERVISOR': '班长', 'role.DISPATCHER': '调度员',
  'role.CREW': '抢修人员', 'role.ADMIN': '管理员',
  // the agent's desk state (AgentState) and the wallboard's tally of it
  'desk.LOGGED_OUT': '未签入', 'desk.READY': '就绪', 'desk.RINGING': '振铃', 'desk.TALKING': '通话中',
  'desk.WRAP_UP': '事后处理', 'desk.PAUSED': '置忙', 'desk.LAGGED': '掉线置忙',
  'st.ready': '就绪', 'st.ringing': '振铃', 'st.talking': '通话中', 'st.wrapup': '事后处理', 'st.paused': '置忙',
  'st.lagged': '掉线置忙', 'st.loggedOut': '未签入', 'st.unavailable': '话机离线',
  // pause codes the system sets itself (the others come with their labels from /api/control/pause-reasons)
  'reason.wrapup': '事后处理', 'reason.lagged': '掉线置忙',
  // a pop's call, for this agent
  'pop.RINGING': '振铃', 'pop.ANSWERED': '通话中', 'pop.HELD': '保持中', 'pop.MISSED': '未接', 'pop.TRANSFERRED': '已转接',
  'pop.ENDED': '已结束', 'call.in': '来电', 'call.out': '外呼'
}});
