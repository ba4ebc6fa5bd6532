// The crew page's words in zh-CN and English (ADR 0028, docs/glossary.md), one language at a time: the page has no
// sign-in, so the language is the phone browser's (navigator.language) until the crew member presses the switch,
// which this browser remembers (localStorage, the key the other pages use). Load before crew.js.
window.CrewWords = (function () {
  'use strict';
  const KEY = 'hotline.lang';
  const WORDS = {
    'zh-CN': {
      'title': '抢修任务', 'switch': 'English', 'refresh': '刷新', 'tokenTitle': '输入令牌',
      'tokenNote': '令牌由管理员发放，每位抢修人员一个。保存在本机浏览器中，只需输入一次。', 'token': '令牌', 'save': '保存',
      'signInBefore': '有账号的抢修人员可', 'signIn': '用账号密码登录', 'signInAfter': '。', 'empty': '暂无派给本组的工单。',
      'changeToken': '更换令牌', 'signOut': '退出登录',
      'act.accept': '接单', 'act.depart': '出发', 'act.arrive': '到达现场', 'act.done': '完工', 'act.fault': '故障情况',
      'act.materials': '用料', 'act.cannot-go': '无法出发', 'cannotGoReason': '无法出发的原因', 'tellCentre': '告知抢修中心',
      'reportArrival': '上报到达', 'arriveWithout': '不带定位上报到达', 'faultFound': '发现的故障',
      'sendFault': '提交故障情况', 'addRow': '添加一行', 'sendMaterials': '提交用料', 'doneNote': '完工说明',
      'photos': '现场照片', 'choosePhotos': '选择照片', 'reportDone': '上报完工', 'material': '材料名称', 'qty': '数量',
      'unit': '单位',
      'status.400': '输入有误', 'status.401': '令牌无效或已停用', 'status.403': '此工单不属于本组',
      'status.404': '工单不存在', 'status.409': '与工单当前状态不符', 'status.413': '照片过大或过多',
      'status.422': '无法办理', 'status.other': '请求失败（{s}）', 'refreshAgain': '，请刷新后再试',
      'offline': '网络不通，请稍后再试',
      'next.accept': '待接单', 'next.depart': '已接单，待出发', 'next.arrive': '已出发，待到达', 'next.done': '已到达现场',
      'next.wait': '等待抢修中心', 'next.none': '已完工',
      'expired': '登录已过期，请重新登录', 'revoked': '令牌已于 {at} 被 {by} 停用{why}，请向管理员领取新令牌',
      'revokedWhy': '（原因：{r}）', 'missing': '请输入令牌', 'invalid': '令牌无效，请核对后重新输入，或向管理员领取',
      'noCrew': '您的账号尚未指定抢修小组，请联系管理员', 'awaiting': '（当前环节：{s}）', 'address': '地址：{a}',
      'noAddress': '地址：未登记', 'summary': '报修内容：{s}', 'phone': '联系电话：{n}', 'left': '剩余 {t}', 'late': '超时 {t}',
      'warning': '{d}。注意：{w}', 'accepted': '已接单', 'departed': '已上报出发', 'toldCentre': '已告知抢修中心，工单将改派',
      'arrived': '已上报到达现场', 'arrivedWithout': '已上报到达现场（无定位）', 'faultSent': '已提交故障情况',
      'materialsSent': '已提交用料', 'doneSent': '已上报完工', 'needReason': '请填写无法出发的原因',
      'needFault': '请填写发现的故障', 'needMaterials': '每行用料都要填写名称、大于 0 的数量和单位',
      'tooManyPhotos': '照片最多 {n} 张', 'photoTooBig': '照片“{f}”过大（{mb} MB），每张不超过 {max} MB',
      'chosen': '已选 {n} 张：{f}。', 'noPhotos': '未选照片。', 'photoLimits': '最多 {n} 张，每张不超过 {mb} MB。',
      'fileSep': '、', 'noLocation': '无法获取定位（{r}），可以不带定位上报到达，抢修中心会看到“无定位”。',
      'noGeo': '此浏览器不支持定位，或页面不是通过 HTTPS 打开', 'locating': '正在定位…',
      'position': '定位：纬度 {lat}，经度 {lon}，精度 ±{acc} 米', 'geoDenied': '已拒绝定位权限', 'geoTimeout': '定位超时',
      'geoUnavailable': '定位不可用'
    },
    en: {
      'title': 'Repair jobs', 'switch': '中文', 'refresh': 'Refresh', 'tokenTitle': 'Enter your token',
      'tokenNote': 'An administrator issues one token per crew member. It is kept in this browser: enter it once.',
      'token': 'Token', 'save': 'Save', 'signInBefore': 'Crew members with an account can ', 'signIn': 'sign in with a password',
      'signInAfter': '.', 'empty': 'No orders for this crew.', 'changeToken': 'Change token', 'signOut': 'Sign out',
      'act.accept': 'Accept', 'act.depart': 'Depart', 'act.arrive': 'On site', 'act.done': 'Done', 'act.fault': 'Fault found',
      'act.materials': 'Materials', 'act.cannot-go': 'Cannot go', 'cannotGoReason': 'Why the crew cannot go',
      'tellCentre': 'Tell the repair centre', 'reportArrival': 'Report arrival', 'arriveWithout': 'Report arrival without location',
      'faultFound': 'The fault found', 'sendFault': 'Send the fault', 'addRow': 'Add a row', 'sendMaterials': 'Send the materials',
      'doneNote': 'What was done', 'photos': 'Photos of the site', 'choosePhotos': 'Choose photos', 'reportDone': 'Report done',
      'material': 'Material', 'qty': 'Quantity', 'unit': 'Unit',
      'status.400': 'Wrong input', 'status.401': 'Token not valid or revoked', 'status.403': 'This order is not your crew\'s',
      'status.404': 'No such order', 'status.409': 'Does not fit the order\'s stage', 'status.413': 'Photos too large or too many',
      'status.422': 'Cannot be done', 'status.other': 'Request failed ({s})', 'refreshAgain': ': refresh and try again',
      'offline': 'No network: try again later',
      'next.accept': 'To accept', 'next.depart': 'Accepted, to depart', 'next.arrive': 'On the way', 'next.done': 'On site',
      'next.wait': 'Waiting for the repair centre', 'next.none': 'Done',
      'expired': 'The sign-in has expired: sign in again', 'revoked': 'The token was revoked on {at} by {by}{why}: ask an administrator for a new one',
      'revokedWhy': ' (reason: {r})', 'missing': 'Enter the token', 'invalid': 'Token not valid: check it, or ask an administrator for one',
      'noCrew': 'Your account has no crew yet: ask an administrator', 'awaiting': ' (stage: {s})', 'address': 'Address: {a}',
      'noAddress': 'Address: not on record', 'summary': 'Reported: {s}', 'phone': 'Phone: {n}', 'left': '{t} left', 'late': '{t} late',
      'warning': '{d}. Note: {w}', 'accepted': 'Accepted', 'departed': 'Departure reported',
      'toldCentre': 'The repair centre was told; the order will be sent to another crew', 'arrived': 'Arrival reported',
      'arrivedWithout': 'Arrival reported (no location)', 'faultSent': 'Fault sent', 'materialsSent': 'Materials sent',
      'doneSent': 'Done reported', 'needReason': 'Give the reason the crew cannot go', 'needFault': 'Describe the fault found',
      'needMaterials': 'Each row needs a material, a quantity above 0 and a unit', 'tooManyPhotos': 'At most {n} photos',
      'photoTooBig': 'Photo "{f}" is too large ({mb} MB): at most {max} MB each', 'chosen': '{n} chosen: {f}. ',
      'noPhotos': 'No photos chosen. ', 'photoLimits': 'At most {n}, each up to {mb} MB.', 'fileSep': ', ',
      'noLocation': 'No location ({r}): arrival can be reported without one, the repair centre then sees "no location".',
      'noGeo': 'This browser cannot locate, or the page was not opened over HTTPS', 'locating': 'Locating…',
      'position': 'Location: latitude {lat}, longitude {lon}, accuracy ±{acc} m', 'geoDenied': 'Location permission refused',
      'geoTimeout': 'Location timed out', 'geoUnavailable': 'Location not available'
    }
  };

  function lang() {
    const stored = localStorage.getItem(KEY);
    if (stored === 'en' || stored === 'zh-CN') return stored;
    return /^zh/i.test(navigator.language || 'zh-CN') ? 'zh-CN' : 'en';
  }

  function t(key, vars) {
    let s = WORDS[lang()][key];
    if (s === undefined) return key;
    Object.entries(vars || {}).forEach(([k, v]) => { s = s.split('{' + k + '}').join(String(v)); });
    return s;
  }

  // every element with data-i18n / data-i18n-placeholder, in the page and in its templates
  function apply(root) {
    const scope = root || document;
    scope.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
    scope.querySelectorAll('[data-i18n-placeholder]').forEach(e => { e.placeholder = t(e.dataset.i18nPlaceholder); });
    scope.querySelectorAll('template').forEach(tpl => apply(tpl.content));
    if (!root) {
      document.documentElement.lang = lang();
      document.title = t('title');
      // the switch names the other language in that language
      const sw = document.getElementById('lang-switch');
      if (sw) sw.lang = lang() === 'en' ? 'zh-CN' : 'en';
    }
  }

  function toggle() {
    localStorage.setItem(KEY, lang() === 'en' ? 'zh-CN' : 'en');
    apply();
  }

  return {lang, t, apply, toggle, locale: () => (lang() === 'en' ? 'en' : 'zh-CN')};
})();
