import { displayWidth } from '../src/cli/summary';
for (const t of ['हिन्दी-जोड़ी', 'हिन्दी क्षेत्र', 'soft\u00adhyphen', 'abc', 'Zoe\u0308', 'ไทย', 'ก่อน']) console.log(JSON.stringify(t), displayWidth(t));
