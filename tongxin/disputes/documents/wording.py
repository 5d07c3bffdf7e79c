"""The fixed legal wording of the documents, kept in one place so that the Word and the PDF
version of a document say exactly the same (texts: 劳动争议调解仲裁法 = LDMAL, 人民调解法)."""

AGREEMENT_EFFECT = (
    # LDMAL art. 14
    "本协议由双方当事人签名或者盖章，经调解员签名并加盖调解组织印章后生效，"
    "对双方当事人具有约束力，当事人应当履行（《劳动争议调解仲裁法》第十四条）。",
    # LDMAL arts. 15, 16
    "一方当事人在协议约定期限内不履行的，另一方当事人可以依法申请仲裁（第十五条）；"
    "就支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金达成的协议，用人单位在约定期限内"
    "不履行的，劳动者可以持本协议书依法向人民法院申请支付令（第十六条）。",
    # 人民调解法 art. 33; 民事诉讼法 art. 205
    "双方当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认"
    "（《人民调解法》第三十三条）。",
    # 人民调解法 art. 29: one copy to each party and one on file
    "本协议一式{copies}份，申请人各执一份，被申请人执一份，调解组织留存一份。",
)

TERMINATION_FAILED = (
    "你（们）与{respondent}的劳动争议，本组织于{received_on}收到调解申请。"
    "因{reason}，本组织于{ended_on}终止调解。"
)
TERMINATION_REFUSED = (
    "你（们）与{respondent}劳动争议的调解申请，本组织于{received_on}收到。"
    "经审查，{reason}，本组织于{ended_on}决定不予受理，现书面告知。"
)
# 人民调解法 art. 26: a mediation that fails is ended and the parties told their routes.
TERMINATION_ROUTES = (
    "依照《人民调解法》第二十六条，现将你（们）可以依法维护权利的途径告知如下：",
    # LDMAL art. 5 (not willing to mediate, or mediation failed), art. 14 para. 3 (15 days)
    "一、你（们）可以向{committee}申请劳动争议仲裁（《劳动争议调解仲裁法》{articles}）。",
    "二、申请仲裁的时效期间为一年，从知道或者应当知道其权利被侵害之日起计算；因向对方主张"
    "权利、向有关部门请求权利救济（包括申请调解）或者对方同意履行义务而中断的，从中断时起"
    "重新计算。劳动关系存续期间因拖欠劳动报酬发生争议的，不受一年时效期间的限制，但劳动关系"
    "终止的，应当自终止之日起一年内提出（《劳动争议调解仲裁法》第二十七条）。"
    "请在时效期间内申请仲裁。",
    "三、用人单位拖欠或者未足额支付劳动报酬，或者拖欠工伤医疗费、经济补偿或者赔偿金的，"
    "你（们）也可以向劳动行政部门投诉（《劳动争议调解仲裁法》第九条）。",
    "四、对仲裁裁决不服的，除法律另有规定的外，可以向人民法院提起诉讼"
    "（《劳动争议调解仲裁法》第五条）。",
    "特此告知。",
)
ARTICLES_REFUSED, ARTICLES_FAILED = "第五条", "第五条、第十四条第三款"
UNKNOWN_COMMITTEE = "有管辖权的劳动人事争议仲裁委员会"
