"""Traditional characters read as their simplified forms.

Buyers and vendors in Hong Kong and Taiwan write 現貨, 含稅, 原裝, 英飛凌, 長電 where the mainland
writes 现货, 含税, 原装, 英飞凌, 长电; every pattern and alias is written once, in
simplified, and the reply is folded to it. The table covers the trade's vocabulary
(stock, tax, packing, delivery, brands, components, chat); each entry is one character
for one character, so positions in the folded text are positions in the reply.
"""

from __future__ import annotations

#: Traditional character followed by its simplified form, one pair per word.
_PAIRS = """
    並并 乾干 來来 係系 倆俩 倉仓 個个 們们 側侧 備备 傳传 僅仅 價价 儀仪 億亿 儘尽 償偿
    優优 儲储 兌兑 兒儿 內内 兩两 凍冻 別别 剛刚 創创 劃划 劇剧 勁劲 動动 務务 勞劳 勢势
    匯汇 區区 協协 厲厉 參参 吳吴 員员 問问 啟启 喚唤 單单 嗎吗 嘗尝 噴喷 噸吨 嚴严 國国
    圍围 園园 圓圆 圖图 團团 報报 場场 塊块 墊垫 壓压 壘垒 壞坏 壩坝 夠够 奪夺 奮奋 婦妇
    媽妈 嬰婴 孫孙 學学 實实 寧宁 審审 寫写 寬宽 寵宠 寶宝 將将 專专 尋寻 對对 導导 屆届
    層层 屬属 嶺岭 帳帐 帶带 幣币 幫帮 幹干 幾几 庫库 廈厦 廟庙 廠厂 廢废 廣广 廳厅 彈弹
    後后 徑径 從从 復复 徵征 恆恒 悅悦 惡恶 惱恼 愛爱 態态 慣惯 慮虑 憂忧 憑凭 憲宪 憶忆
    應应 懶懒 懷怀 懸悬 戀恋 戰战 戲戏 戶户 捲卷 掃扫 揀拣 揚扬 換换 揮挥 損损 搖摇 擁拥
    擇择 擊击 擋挡 擔担 據据 擠挤 擬拟 擴扩 攜携 攝摄 攤摊 敵敌 數数 斷断 於于 時时 晉晋
    晝昼 暫暂 曆历 曉晓 曬晒 書书 會会 東东 條条 棟栋 業业 極极 樂乐 樓楼 標标 樞枢 樣样
    機机 檔档 檢检 櫃柜 權权 歐欧 歡欢 歲岁 歷历 歸归 殘残 殼壳 氣气 決决 沒没 況况 淨净
    減减 測测 準准 溫温 滅灭 滿满 漢汉 漲涨 潔洁 潤润 澤泽 濃浓 濕湿 濾滤 灣湾 災灾 為为
    無无 煩烦 熱热 燈灯 燒烧 營营 爐炉 爭争 爾尔 牽牵 犧牺 狀状 猶犹 獎奖 獨独 獲获 現现
    環环 瓊琼 產产 畢毕 異异 當当 疊叠 療疗 發发 盜盗 盞盏 盡尽 監监 盤盘 睜睁 碩硕 確确
    碼码 礎础 禍祸 禦御 禮礼 稅税 種种 稱称 穀谷 積积 穩稳 窮穷 竊窃 競竞 筆笔 節节 範范
    簡简 簽签 籃篮 籤签 糧粮 糾纠 紀纪 約约 紅红 紋纹 納纳 紐纽 純纯 紙纸 級级 紛纷 紮扎
    細细 終终 組组 結结 絕绝 絡络 給给 絨绒 統统 絲丝 綁绑 經经 綜综 綠绿 維维 網网 緊紧
    緒绪 線线 緣缘 編编 練练 縣县 縮缩 縱纵 總总 織织 繩绳 繪绘 繫系 繼继 續续 罰罚 羅罗
    義义 聖圣 聞闻 聯联 聲声 職职 聽听 腦脑 腳脚 膚肤 膠胶 臉脸 臨临 臺台 與与 興兴 舉举
    舊旧 艦舰 莊庄 華华 萊莱 萬万 蓋盖 蔥葱 藍蓝 藝艺 蘋苹 蘭兰 處处 號号 蝦虾 蟲虫 術术
    衛卫 衝冲 裏里 補补 裝装 裡里 製制 複复 襪袜 見见 規规 視视 親亲 覺觉 覽览 觀观 觸触
    訂订 計计 訊讯 討讨 訓训 託托 記记 訪访 設设 許许 訴诉 診诊 評评 詞词 詢询 試试 詩诗
    該该 詳详 認认 語语 誠诚 誤误 說说 誰谁 課课 調调 談谈 請请 論论 諧谐 諾诺 謀谋 謎谜
    講讲 謝谢 證证 識识 譯译 護护 讀读 變变 讓让 豐丰 豬猪 貝贝 負负 財财 貨货 販贩 貫贯
    貳贰 貴贵 買买 貸贷 費费 貼贴 貿贸 賀贺 資资 賓宾 賞赏 賠赔 賢贤 賣卖 賤贱 質质 賬账
    賴赖 購购 贈赠 贊赞 贏赢 趕赶 趨趋 跡迹 踐践 躍跃 車车 軍军 軟软 軸轴 較较 載载 輔辅
    輕轻 輛辆 輪轮 輯辑 輸输 轉转 辦办 辭辞 農农 這这 連连 週周 進进 運运 過过 達达 遞递
    遠远 適适 遲迟 遷迁 選选 遺遗 還还 邊边 邏逻 郵邮 鄉乡 醫医 醬酱 釋释 釐厘 釘钉 針针
    鈕钮 鈴铃 鉛铅 鉭钽 銀银 銅铜 銳锐 銷销 鋁铝 鋒锋 鋪铺 鋼钢 錄录 錢钱 錦锦 錫锡 錯错
    鍊链 鍋锅 鍍镀 鍵键 鎖锁 鎮镇 鎳镍 鏈链 鏡镜 鐘钟 鐵铁 長长 門门 閃闪 閉闭 開开 閒闲
    間间 閘闸 閥阀 閩闽 閱阅 關关 陣阵 陳陈 陸陆 陽阳 隊队 階阶 際际 隨随 險险 隱隐 隻只
    雖虽 雙双 雜杂 雞鸡 離离 難难 雲云 電电 靈灵 靜静 韋韦 韌韧 韓韩 響响 頁页 頂顶 項项
    順顺 須须 預预 頓顿 領领 頭头 頸颈 頻频 顆颗 題题 額额 顏颜 願愿 類类 顧顾 顯显 風风
    飄飘 飛飞 飯饭 餅饼 養养 餘余 館馆 馬马 騰腾 驅驱 驗验 驚惊 髒脏 體体 髮发 鬆松 鬥斗
    鬧闹 魚鱼 鳥鸟 鳴鸣 麗丽 麥麦 麼么 黃黄 點点 黨党 齊齐 齒齿 齡龄 龍龙 龜龟
"""

#: A `str.translate` table from traditional to simplified characters.
TO_SIMPLIFIED: dict[int, str] = {ord(pair[0]): pair[1] for pair in _PAIRS.split()}


def simplified(text: str) -> str:
    """The text with traditional characters folded to simplified ones."""
    return text.translate(TO_SIMPLIFIED)
