/**
 * Word pools for people, companies and places. Chinese entries carry their
 * pinyin so that e-mail addresses and web sites can be built from them.
 * Industry and region pools are keyed by the picklist values that migration
 * 002 ships; a value unknown here falls back to a generic pool.
 */

export type Word = readonly [zh: string, pinyin: string]

export const surnames: readonly Word[] = [
  ['王', 'Wang'], ['李', 'Li'], ['张', 'Zhang'], ['刘', 'Liu'], ['陈', 'Chen'], ['杨', 'Yang'], ['黄', 'Huang'],
  ['赵', 'Zhao'], ['吴', 'Wu'], ['周', 'Zhou'], ['徐', 'Xu'], ['孙', 'Sun'], ['马', 'Ma'], ['朱', 'Zhu'],
  ['胡', 'Hu'], ['郭', 'Guo'], ['何', 'He'], ['林', 'Lin'], ['罗', 'Luo'], ['高', 'Gao'], ['郑', 'Zheng'],
  ['梁', 'Liang'], ['谢', 'Xie'], ['宋', 'Song'], ['唐', 'Tang'], ['韩', 'Han'], ['冯', 'Feng'], ['邓', 'Deng'],
  ['曹', 'Cao'], ['彭', 'Peng'], ['曾', 'Zeng'], ['肖', 'Xiao'], ['田', 'Tian'], ['董', 'Dong'], ['潘', 'Pan'],
  ['袁', 'Yuan'], ['蒋', 'Jiang'], ['蔡', 'Cai'], ['余', 'Yu'], ['叶', 'Ye'],
]

export type Gender = 'm' | 'f'
export type GivenName = readonly [zh: string, pinyin: string, gender: Gender]

export const givenNames: readonly GivenName[] = [
  ['伟', 'wei', 'm'], ['芳', 'fang', 'f'], ['娜', 'na', 'f'], ['敏', 'min', 'f'], ['静', 'jing', 'f'], ['丽', 'li', 'f'],
  ['强', 'qiang', 'm'], ['磊', 'lei', 'm'], ['军', 'jun', 'm'], ['洋', 'yang', 'm'], ['勇', 'yong', 'm'], ['艳', 'yan', 'f'],
  ['杰', 'jie', 'm'], ['涛', 'tao', 'm'], ['明', 'ming', 'm'], ['超', 'chao', 'm'], ['秀英', 'xiuying', 'f'], ['婷', 'ting', 'f'],
  ['晨', 'chen', 'm'], ['浩', 'hao', 'm'], ['志强', 'zhiqiang', 'm'], ['建华', 'jianhua', 'm'], ['海燕', 'haiyan', 'f'],
  ['晓东', 'xiaodong', 'm'], ['雪梅', 'xuemei', 'f'], ['国庆', 'guoqing', 'm'], ['文博', 'wenbo', 'm'], ['思远', 'siyuan', 'm'],
  ['子涵', 'zihan', 'f'], ['欣怡', 'xinyi', 'f'], ['宇航', 'yuhang', 'm'], ['俊杰', 'junjie', 'm'], ['佳琪', 'jiaqi', 'f'],
  ['鹏飞', 'pengfei', 'm'], ['丽华', 'lihua', 'f'], ['春梅', 'chunmei', 'f'], ['志明', 'zhiming', 'm'], ['家豪', 'jiahao', 'm'],
  ['雨桐', 'yutong', 'f'], ['天宇', 'tianyu', 'm'], ['慧敏', 'huimin', 'f'], ['振宇', 'zhenyu', 'm'], ['晓峰', 'xiaofeng', 'm'],
  ['梦瑶', 'mengyao', 'f'], ['立新', 'lixin', 'm'], ['红霞', 'hongxia', 'f'], ['永刚', 'yonggang', 'm'], ['嘉欣', 'jiaxin', 'f'],
  ['一鸣', 'yiming', 'm'], ['凯', 'kai', 'm'],
]

/** English names Chinese colleagues commonly use at work, and foreign contacts' given names. */
export const englishGivenNames: Record<Gender, readonly string[]> = {
  m: [
    'David', 'Michael', 'Kevin', 'Jason', 'Eric', 'Tony', 'Jack', 'Leo', 'Frank', 'Peter', 'Vincent', 'Alan', 'Steven',
    'Ryan', 'Daniel', 'Henry', 'Oliver', 'Sam', 'Ben', 'Chris',
  ],
  f: [
    'Grace', 'Lily', 'Amy', 'Cindy', 'Helen', 'Emma', 'Sophia', 'Joyce', 'Vivian', 'Nancy', 'Linda', 'Iris', 'Cathy',
    'Sally', 'Wendy', 'Anna', 'Chloe', 'Irene', 'Rachel', 'Fiona',
  ],
}

export const englishSurnames = [
  'Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Evans', 'Thomas', 'Walker', 'Wright', 'White', 'Hughes',
  'Green', 'Hall', 'Clarke', 'Schmidt', 'Weber', 'Tanaka', 'Sato', 'Tan', 'Lim', 'Nguyen', 'Kumar', 'Martin',
  'Garcia', 'Rossi', 'Kim', 'Park', 'Cohen', 'Jensen', 'Novak',
] as const

export const salesTeams = [
  '华东销售部', '华南销售部', '华北销售部', '大客户部', '渠道合作部', '华中销售部', '西部销售部', '海外业务部',
  '行业解决方案部', '电话销售部',
] as const

export interface City {
  zh: string
  /** Short pinyin used in web addresses, e.g. sh for 上海. */
  code: string
  areaCode: string
  districts: readonly string[]
}

const city = (zh: string, code: string, areaCode: string, districts: string[]): City => ({ zh, code, areaCode, districts })

export const citiesByRegion: Record<string, readonly City[]> = {
  north: [
    city('北京', 'bj', '010', ['朝阳区', '海淀区', '丰台区', '大兴区']),
    city('天津', 'tj', '022', ['滨海新区', '南开区', '河西区']),
    city('石家庄', 'sjz', '0311', ['长安区', '裕华区']),
    city('太原', 'ty', '0351', ['小店区', '迎泽区']),
    city('沈阳', 'sy', '024', ['浑南区', '和平区']),
    city('大连', 'dl', '0411', ['甘井子区', '中山区']),
  ],
  east: [
    city('上海', 'sh', '021', ['浦东新区', '闵行区', '徐汇区', '嘉定区', '松江区']),
    city('南京', 'nj', '025', ['江宁区', '鼓楼区', '建邺区']),
    city('杭州', 'hz', '0571', ['西湖区', '滨江区', '余杭区', '萧山区']),
    city('苏州', 'su', '0512', ['工业园区', '吴中区', '昆山市']),
    city('宁波', 'nb', '0574', ['鄞州区', '北仑区']),
    city('合肥', 'hf', '0551', ['蜀山区', '包河区']),
    city('济南', 'jn', '0531', ['历下区', '高新区']),
    city('青岛', 'qd', '0532', ['黄岛区', '崂山区']),
    city('厦门', 'xm', '0592', ['思明区', '湖里区']),
    city('无锡', 'wx', '0510', ['新吴区', '滨湖区']),
  ],
  south: [
    city('广州', 'gz', '020', ['天河区', '黄埔区', '番禺区', '白云区']),
    city('深圳', 'sz', '0755', ['南山区', '福田区', '龙岗区', '宝安区']),
    city('东莞', 'dg', '0769', ['松山湖', '长安镇']),
    city('佛山', 'fs', '0757', ['顺德区', '南海区']),
    city('珠海', 'zh', '0756', ['香洲区', '横琴新区']),
    city('南宁', 'nn', '0771', ['青秀区', '西乡塘区']),
  ],
  central: [
    city('武汉', 'wh', '027', ['东湖高新区', '江汉区', '洪山区']),
    city('长沙', 'cs', '0731', ['岳麓区', '雨花区']),
    city('郑州', 'zz', '0371', ['金水区', '郑东新区']),
    city('南昌', 'nc', '0791', ['红谷滩区', '青山湖区']),
  ],
  west: [
    city('成都', 'cd', '028', ['高新区', '武侯区', '锦江区']),
    city('重庆', 'cq', '023', ['渝北区', '江北区', '九龙坡区']),
    city('西安', 'xa', '029', ['雁塔区', '未央区']),
    city('昆明', 'km', '0871', ['五华区', '盘龙区']),
    city('贵阳', 'gy', '0851', ['观山湖区', '南明区']),
  ],
}

/** Cities for a region value that migration 002 does not ship. */
export const fallbackCities: readonly City[] = citiesByRegion.east!

export const roads = [
  '人民路', '解放路', '中山路', '建设路', '科技园路', '创新大道', '滨江大道', '长江路', '黄河路', '世纪大道',
  '学府路', '文化路', '高新大道', '工业大道', '新华路', '光明路',
] as const

export const tradeNames: readonly Word[] = [
  ['华东', 'huadong'], ['恒信', 'hengxin'], ['博远', 'boyuan'], ['瑞丰', 'ruifeng'], ['鼎盛', 'dingsheng'],
  ['启明', 'qiming'], ['中科', 'zhongke'], ['天成', 'tiancheng'], ['宏达', 'hongda'], ['新锐', 'xinrui'],
  ['卓越', 'zhuoyue'], ['金桥', 'jinqiao'], ['远航', 'yuanhang'], ['嘉禾', 'jiahe'], ['汇通', 'huitong'],
  ['众诚', 'zhongcheng'], ['海德', 'haide'], ['朗峰', 'langfeng'], ['明德', 'mingde'], ['安泰', 'antai'],
  ['华晨', 'huachen'], ['永信', 'yongxin'], ['盛世', 'shengshi'], ['长青', 'changqing'], ['信达', 'xinda'],
  ['东方', 'dongfang'], ['联创', 'lianchuang'], ['德润', 'derun'], ['凯瑞', 'kairui'], ['诚通', 'chengtong'],
  ['锦程', 'jincheng'], ['蓝海', 'lanhai'], ['银河', 'yinhe'], ['华信', 'huaxin'], ['精诚', 'jingcheng'],
  ['鸿运', 'hongyun'], ['正源', 'zhengyuan'], ['同创', 'tongchuang'], ['九州', 'jiuzhou'], ['万通', 'wantong'],
  ['中盛', 'zhongsheng'], ['泰和', 'taihe'], ['新纪元', 'xinjiyuan'], ['恒昌', 'hengchang'], ['宏图', 'hongtu'],
  ['睿智', 'ruizhi'], ['聚力', 'juli'], ['和信', 'hexin'], ['晟达', 'shengda'], ['欧亚', 'ouya'],
  ['天润', 'tianrun'], ['星辰', 'xingchen'], ['君安', 'junan'], ['佳音', 'jiayin'], ['百川', 'baichuan'],
  ['峰汇', 'fenghui'], ['领航', 'linghang'], ['协力', 'xieli'], ['润泽', 'runze'], ['瀚海', 'hanhai'],
]

/** The business word in a company name, which also tells its industry. */
export const businessWordsByIndustry: Record<string, readonly Word[]> = {
  manufacturing: [['精密机械', 'jm'], ['电子科技', 'dz'], ['汽车零部件', 'qp'], ['机电设备', 'jd'], ['新材料', 'xcl'], ['智能装备', 'zb']],
  retail: [['商贸', 'sm'], ['百货', 'bh'], ['连锁超市', 'cs'], ['电子商务', 'ec'], ['食品', 'sp']],
  finance: [['融资租赁', 'zl'], ['投资管理', 'tz'], ['保险代理', 'bx'], ['金融信息服务', 'jr']],
  healthcare: [['医疗器械', 'yl'], ['生物科技', 'bio'], ['医药', 'yy'], ['健康管理', 'jk']],
  education: [['教育科技', 'edu'], ['职业培训', 'px'], ['文化传播', 'wh']],
  it: [['信息技术', 'it'], ['软件', 'soft'], ['网络科技', 'net'], ['数据科技', 'data'], ['云计算', 'cloud']],
  logistics: [['物流', 'wuliu'], ['供应链管理', 'scm'], ['国际货运代理', 'hy'], ['仓储服务', 'cc']],
  energy: [['新能源', 'xny'], ['电力工程', 'dl'], ['能源科技', 'ny'], ['光伏科技', 'gf']],
}

export const fallbackBusinessWords: readonly Word[] = [['实业', 'sy'], ['科技', 'kj'], ['发展', 'fz']]

export const companyForms = [
  ['有限公司', 70],
  ['股份有限公司', 20],
  ['集团有限公司', 10],
] as const

export const foreignPrefixes = [
  'Northwind', 'Bluestone', 'Silverline', 'Redwood', 'Brightwater', 'Greenfield', 'Oakridge', 'Summit', 'Harbor',
  'Crestview', 'Evergreen', 'Ironbridge', 'Maple', 'Westbrook', 'Kingsley', 'Sterling', 'Horizon', 'Pacific',
  'Atlas', 'Falcon', 'Lakeside', 'Riverton', 'Stonegate', 'Clearpoint', 'Highland', 'Meridian', 'Norwood',
  'Ashford', 'Blackwell', 'Fairview', 'Granite', 'Larkspur', 'Orion', 'Pinecrest', 'Quantum', 'Seabright',
  'Trident', 'Vantage', 'Windsor', 'Zenith',
] as const

/** Optional middle words; with them foreign names stay distinct even once their legal form is ignored. */
export const foreignMiddles = ['', 'Global', 'International', 'Asia', 'Pacific', 'United', 'Advanced', 'Precision'] as const

/** [English business word, industry value] */
export const foreignSectors = [
  ['Trading', 'retail'], ['Logistics', 'logistics'], ['Systems', 'it'], ['Software', 'it'], ['Foods', 'retail'],
  ['Industries', 'manufacturing'], ['Engineering', 'manufacturing'], ['Medical', 'healthcare'],
  ['Biotech', 'healthcare'], ['Energy', 'energy'], ['Solar', 'energy'], ['Capital', 'finance'],
  ['Financial Services', 'finance'], ['Learning', 'education'], ['Academy', 'education'], ['Freight', 'logistics'],
  ['Robotics', 'manufacturing'], ['Retail Group', 'retail'], ['Data', 'it'], ['Components', 'manufacturing'],
] as const

export interface ForeignPlace {
  city: string
  country: string
  legalForm: string
  phonePrefix: string
  domainSuffix: string
  streets: readonly string[]
}

export const foreignPlaces: readonly ForeignPlace[] = [
  { city: 'Singapore', country: 'Singapore', legalForm: 'Pte. Ltd.', phonePrefix: '+65', domainSuffix: 'com.sg', streets: ['Orchard Road', 'Robinson Road', 'Jurong East Street'] },
  { city: 'London', country: 'United Kingdom', legalForm: 'Ltd.', phonePrefix: '+44 20', domainSuffix: 'co.uk', streets: ['King Street', 'Fleet Street', 'Old Broad Street'] },
  { city: 'Hamburg', country: 'Germany', legalForm: 'GmbH', phonePrefix: '+49 40', domainSuffix: 'de', streets: ['Hafenstraße', 'Mönckebergstraße'] },
  { city: 'New York', country: 'USA', legalForm: 'Inc.', phonePrefix: '+1 212', domainSuffix: 'com', streets: ['Madison Avenue', 'Broadway', 'Park Avenue'] },
  { city: 'Tokyo', country: 'Japan', legalForm: 'Co., Ltd.', phonePrefix: '+81 3', domainSuffix: 'co.jp', streets: ['Marunouchi', 'Shiba Koen'] },
  { city: 'Sydney', country: 'Australia', legalForm: 'Pty Ltd', phonePrefix: '+61 2', domainSuffix: 'com.au', streets: ['George Street', 'Pitt Street'] },
  { city: 'Hong Kong', country: 'Hong Kong SAR', legalForm: 'Limited', phonePrefix: '+852', domainSuffix: 'com.hk', streets: ['Queen\'s Road Central', 'Nathan Road'] },
  { city: 'Toronto', country: 'Canada', legalForm: 'Inc.', phonePrefix: '+1 416', domainSuffix: 'ca', streets: ['Bay Street', 'King Street West'] },
  { city: 'Amsterdam', country: 'Netherlands', legalForm: 'B.V.', phonePrefix: '+31 20', domainSuffix: 'nl', streets: ['Keizersgracht', 'Zuidas'] },
  { city: 'Dubai', country: 'UAE', legalForm: 'LLC', phonePrefix: '+971 4', domainSuffix: 'ae', streets: ['Sheikh Zayed Road', 'Al Wasl Road'] },
  { city: 'Seoul', country: 'South Korea', legalForm: 'Co., Ltd.', phonePrefix: '+82 2', domainSuffix: 'co.kr', streets: ['Teheran-ro', 'Sejong-daero'] },
]

export const contactTitles = {
  zh: ['总经理', '副总经理', '采购经理', '采购专员', 'IT总监', '信息部经理', '财务总监', '运营总监', '项目经理', '技术负责人', '行政主管', '销售总监', '董事长', 'CEO', 'CTO'],
  en: ['CEO', 'CTO', 'CFO', 'Procurement Manager', 'Head of IT', 'IT Director', 'Operations Director', 'Project Manager', 'Purchasing Officer', 'Finance Manager', 'VP Operations', 'General Manager'],
} as const

export const competitors = [
  '销售易', '纷享销客', '用友', '金蝶', 'Salesforce', 'SAP', 'Oracle', 'Microsoft Dynamics', 'HubSpot', '浪潮', '鼎捷', 'Zoho',
] as const

/** Tags a demo workspace starts with. */
export const demoTags = {
  keyAccount: ['重点客户', '#f5222d'],
  strategic: ['战略合作', '#722ed1'],
  bigDeal: ['大单', '#fa8c16'],
  hotLead: ['高意向', '#eb2f96'],
  execSponsor: ['需高层拜访', '#1677ff'],
} as const
export type DemoTag = keyof typeof demoTags

/**
 * The k-th of all combinations of some pools, scattered so that neighbours
 * differ in every position. Distinct k below the number of combinations give
 * distinct combinations, which keeps company names unique without a lookup set.
 */
export function combination(k: number, sizes: readonly number[]): number[] {
  const total = sizes.reduce((product, size) => product * size, 1)
  let index = (scatterStep(total) * (k % total) + 7) % total
  return sizes.map((size) => {
    const digit = index % size
    index = Math.floor(index / size)
    return digit
  })
}

const stepsByTotal = new Map<number, number>()

/** A step coprime to `total`, so that multiplying by it permutes 0..total-1. */
function scatterStep(total: number): number {
  let step = stepsByTotal.get(total)
  if (step === undefined) {
    step = Math.floor(total * 0.6180339887) | 1
    while (gcd(step, total) !== 1) step += 2
    stepsByTotal.set(total, step)
  }
  return step
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b)
}
