import { displayWidth } from '../src/cli/summary';
for (const t of ['abc', '日本語', 'Zoe\u0308', '🙂', 'ｆｕｌｌ', '✅ ⭐ ☕ ⏰ done', '❤️', '👩‍💻', '👍🏽', '🇯🇵', '민수-and-지은'.normalize('NFD'), '민수-and-지은', 'ⓐ', '1️⃣', '#', 'é'.normalize('NFD')]) console.log(JSON.stringify(t), displayWidth(t));
